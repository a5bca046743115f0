// What the observation views of the sidebar and the server say to each other through google.script.run:
// plain JSON-safe data. The lint and the identity warnings are worked out in the sidebar itself, so they
// keep working when the connection drops.
import type { Calibration } from '../../shared/observation/calibration-look';
import type { PatternCell } from '../../shared/observation/patterns';
import type { ObserverRating } from '../../shared/observation/collect';
import type { FormHeader, ReflectionKey } from '../../shared/observation/form';
import type { LookFor } from '../../shared/observation/look-fors';
import type { TagSource } from '../../shared/observation/tags';

export type { Calibration, FormHeader, LookFor, ObserverRating, PatternCell };

/** One line of the open form as the sidebar lists it. */
export interface FormLineView {
  index: number;
  text: string;
  classroom: string;
  codes: string[];
  source: TagSource | null;
  reflection: ReflectionKey | null;
}

/** The open Doc read as an observation form. */
export interface ObservationFormState {
  documentName: string;
  hasForm: boolean;
  header: Partial<FormHeader>;
  lookFors: LookFor[];
  lines: FormLineView[];
  /** `#codes` written in the Doc that are not look-fors of this form, each naming its line. */
  problems: string[];
}

export interface InsertFormRequest {
  header: Record<keyof FormHeader, string>;
  /** Look-fors one a line: `code: prompt`, or cells copied from the Protocols tab. */
  lookFors: string;
  ratingScale: boolean;
}

export interface TagResult {
  code: string;
  text: string;
  form: ObservationFormState;
}

/** A visit the sidebar can collect, with its protocol's warnings. */
export interface VisitChoice {
  number: string;
  hostSchool: string;
  date: string;
  hasFolder: boolean;
  lookFors: LookFor[];
  ratingScale: boolean;
  warnings: string[];
}

export interface VisitsLook {
  visits: VisitChoice[];
  problems: string[];
}

export interface CollectResult {
  report: string;
  problems: string[];
  patterns: PatternCell[];
  nextLevel: string[];
  ratings: ObserverRating[];
  observers: string[];
  calibration: Calibration;
}

/** A visit's 1–4 ratings compared, read from the Debrief tab. */
export interface CalibrationLook {
  visit: string;
  calibration: Calibration;
  problems: string[];
}

/** The server functions the observation views call; their names are top-level functions in Code.js. */
export interface ObservationServer {
  getObservationForm(): ObservationFormState;
  insertObservationFormFromSidebar(request: InsertFormRequest): ObservationFormState;
  tagSelectionFromSidebar(code: string): TagResult;
  getVisitsLook(): VisitsLook;
  collectVisitFromSidebar(visit: string): CollectResult;
  getCalibration(visit: string): CalibrationLook;
}
