// What the debrief shows, as data: chart sections (each a set of section-9 metrics), and the discussion
// question that ties each one to the seed's causes (1-6) and measures (a-d, reforms A-E). Pure (no DOM).
import { TREATMENTS, type Treatment } from '../../../shared/model/ids.js';
import type { DomainKind } from './scale.js';
import type { MetricId } from './series.js';

/** The debrief's tabs. */
export const TAB_IDS = ['charts', 'summary', 'bots', 'map', 'timeline'] as const;
export type TabId = (typeof TAB_IDS)[number];

/** A chart section: its title and introduction are the catalogue keys `debrief.section.<id>` and `….intro`. */
export type SectionId =
  | 'cooperation'
  | 'agreements'
  | 'welfare'
  | 'inequality'
  | 'structure'
  | 'segmentation'
  | 'loseLose'
  | 'fiscal'
  | 'promotions';

/** A chart: its title is the catalogue key `debrief.chart.<id>`. */
export type ChartId =
  | 'cooperation'
  | 'agreements'
  | 'breach'
  | 'welfare'
  | 'welfareLost'
  | 'gini'
  | 'maxMin'
  | 'structure'
  | 'segmentation'
  | 'loseLose';

/** A discussion question, the catalogue key `debrief.q.<id>`: one per section, and two about the whole game. */
export type QuestionId = SectionId | 'projects' | 'package';

export interface ChartSpec {
  id: ChartId;
  /** Lines of one group each (several measures share one chart when one group is shown). */
  measures: MetricId[];
  domain: DomainKind;
}

export type SectionKind = 'lines' | 'fiscal' | 'promotions';

export interface SectionSpec {
  id: SectionId;
  kind: SectionKind;
  charts: ChartSpec[];
}

export const SECTIONS: SectionSpec[] = [
  {
    id: 'cooperation',
    kind: 'lines',
    charts: [
      {
        id: 'cooperation',
        measures: ['cooperation', 'cooperationOpenMarket', 'cooperationProject', 'effectiveCooperation'],
        domain: 'unit',
      },
    ],
  },
  {
    id: 'agreements',
    kind: 'lines',
    charts: [
      { id: 'agreements', measures: ['signed', 'honoured'], domain: 'zero' },
      { id: 'breach', measures: ['breachRate', 'detectionRate'], domain: 'unit' },
    ],
  },
  {
    id: 'welfare',
    kind: 'lines',
    charts: [
      { id: 'welfare', measures: ['welfareRatio'], domain: 'auto' },
      { id: 'welfareLost', measures: ['cumulativeWelfareLost'], domain: 'zero' },
    ],
  },
  {
    id: 'inequality',
    kind: 'lines',
    charts: [
      { id: 'gini', measures: ['gini'], domain: 'zero' },
      { id: 'maxMin', measures: ['maxMinRatio'], domain: 'zero' },
    ],
  },
  {
    id: 'structure',
    kind: 'lines',
    charts: [{ id: 'structure', measures: ['duplicateShare', 'similarity'], domain: 'unit' }],
  },
  {
    id: 'segmentation',
    kind: 'lines',
    charts: [{ id: 'segmentation', measures: ['segmentation', 'linksBlocked', 'tradeSegmentation'], domain: 'unit' }],
  },
  { id: 'loseLose', kind: 'lines', charts: [{ id: 'loseLose', measures: ['loseLoseMoves'], domain: 'zero' }] },
  { id: 'fiscal', kind: 'fiscal', charts: [] },
  { id: 'promotions', kind: 'promotions', charts: [] },
];

export type Cause = 1 | 2 | 3 | 4 | 5 | 6;
export type Measure = 'a' | 'b' | 'c' | 'd';

export interface Question {
  /** The same id as the section it belongs to, if any. */
  id: QuestionId;
  causes: Cause[];
  measures: Measure[];
  reforms: Treatment[];
}

export const QUESTIONS: Question[] = [
  { id: 'cooperation', causes: [2, 1], measures: ['a', 'd'], reforms: ['A', 'D1', 'D3'] },
  { id: 'agreements', causes: [6, 5], measures: ['d'], reforms: ['E', 'D3'] },
  { id: 'welfare', causes: [2, 5], measures: ['d'], reforms: ['D1', 'D3'] },
  { id: 'inequality', causes: [4, 5], measures: ['c', 'd'], reforms: ['C', 'D3'] },
  { id: 'structure', causes: [3], measures: ['b', 'd'], reforms: ['B', 'D2', 'D1'] },
  { id: 'segmentation', causes: [2, 3], measures: ['b', 'd'], reforms: ['B', 'D1', 'D2'] },
  { id: 'loseLose', causes: [2], measures: ['d'], reforms: ['D1'] },
  { id: 'fiscal', causes: [3], measures: ['d'], reforms: ['D2'] },
  { id: 'promotions', causes: [2, 1], measures: ['d', 'a'], reforms: ['D1', 'A'] },
  { id: 'projects', causes: [5, 1], measures: ['a', 'd'], reforms: ['A', 'D3'] },
  {
    id: 'package',
    causes: [1, 2, 3, 4, 5, 6],
    measures: ['a', 'b', 'c', 'd'],
    reforms: [...TREATMENTS],
  },
];

export const CAUSES: Cause[] = [1, 2, 3, 4, 5, 6];
export const MEASURES: Measure[] = ['a', 'b', 'c', 'd'];

export function questionFor(sectionId: SectionId): Question | undefined {
  return QUESTIONS.find((q) => q.id === sectionId);
}
