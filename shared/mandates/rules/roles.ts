// Who central-office mail can be addressed to, as data: each role with the words districts use for it and
// whether it lands on the principal's desk (the school side) or on someone else's.

import type { SchoolLevel } from '../types';

export interface RoleDef {
  /** The role as shown to the user, e.g. "superintendents". */
  role: string;
  /** True when the duty lands on the principal or the school they run. */
  principalSide: boolean;
  /** True for roles above or beside the school (district office, superintendent, board, business office). */
  aboveSchool?: boolean;
  /** Words that name the role (plural and singular where they differ). */
  phrases: string[];
}

export const ROLES: readonly RoleDef[] = [
  {
    role: 'principals',
    principalSide: true,
    phrases: [
      'principal',
      'principals',
      'assistant principals',
      'vice principals',
      'headteacher',
      'headteachers',
      'head teacher',
      'head teachers',
      'HT',
      'HTs',
      'head of school',
      'heads of school',
      'heads of schools',
      'heads of all schools',
      'school head',
      'school heads',
      'school leader',
      'school leaders',
      'all leaders',
      'senior leaders',
      'senior leadership teams',
      'site administrator',
      'site administrators',
      'school administrators',
      'building administrators',
      'building leaders',
      'all administrators',
      'campus administrators',
      'campus principals',
      'building principals',
      'heads of primary and secondary schools',
      'supervisors/heads',
      'heads of',
    ],
  },
  {
    role: 'schools',
    principalSide: true,
    phrases: [
      'schools',
      'school sites',
      'each school',
      'every school',
      'all schools',
      'your school',
      'your site',
      'each site',
      'all sites',
      'sites',
      'primaries',
      'secondaries',
      'academies',
      'maintained schools',
      'settings',
      'institutions',
      'public schools',
      'campuses',
    ],
  },
  {
    // The reader: "you must ...", "you or your designee". Whose that is depends on the address lines.
    role: 'you',
    principalSide: true,
    phrases: ['you', 'you or your designee', 'your designee'],
  },
  {
    role: 'superintendents',
    principalSide: false,
    aboveSchool: true,
    phrases: [
      'superintendent',
      'superintendents',
      'assistant superintendent',
      'assistant superintendents',
      'district superintendents',
      'local district superintendents',
      'schools division superintendents',
      'division superintendents',
      'directors of education',
      'chief executive officers',
    ],
  },
  {
    role: 'districts',
    principalSide: false,
    aboveSchool: true,
    phrases: [
      'districts',
      'school districts',
      'school district',
      'public school district',
      'public school districts',
      'each school district',
      'each district',
      'all districts',
      'SAU',
      'SAUs',
      'LEAs',
    ],
  },
  {
    role: 'business managers',
    principalSide: false,
    aboveSchool: true,
    phrases: [
      'business manager',
      'business managers',
      'business office',
      'bookkeeper',
      'bookkeepers',
      'finance officers',
      'payroll',
      'school business and data managers',
    ],
  },
  {
    role: 'all staff',
    principalSide: false,
    phrases: [
      'all staff',
      'all employees',
      'employees',
      'building staff',
      'all personnel',
      'staff members',
      'staff',
      'your staff',
    ],
  },
  {
    role: 'teachers',
    principalSide: false,
    phrases: [
      'teacher',
      'teachers',
      'educators',
      'classroom teachers',
      'kaiako',
      'special educators',
      'special education teachers',
      'union members',
      'bargaining unit members',
      'paraprofessionals',
      'support staff',
    ],
  },
  {
    role: 'custodians',
    principalSide: false,
    phrases: [
      'custodian',
      'custodians',
      'custodial staff',
      'custodial services',
      'facilities staff',
      'maintenance staff',
    ],
  },
  {
    role: 'governors',
    principalSide: false,
    aboveSchool: true,
    phrases: [
      'governors',
      'governing body',
      'governing bodies',
      'school board',
      'school boards',
      'boards of management',
      'board members',
      'chairs of district school boards',
      'district school boards',
      'trustees',
    ],
  },
  {
    role: 'coordinators',
    principalSide: false,
    phrases: [
      'coordinators',
      'co-ordinators',
      'test coordinators',
      'testing coordinators',
      'federal coordinators',
      'federal programs coordinators',
      'co-op directors',
      'special education directors',
      'special educator directors',
      'directors',
      'data stewards',
      'SIS coordinators',
    ],
  },
  {
    role: 'district officials',
    principalSide: false,
    aboveSchool: true,
    phrases: [
      'circuit managers',
      'circuit manager',
      'district offices',
      'directorates',
      'officials',
      'chief directors',
      'head office',
      'district administrators',
      'central office administrators',
      'district leaders',
    ],
  },
  {
    role: 'counselors',
    principalSide: false,
    phrases: ['counselors', 'counsellors', 'school counselors', 'nurses', 'school nurses'],
  },
  {
    role: 'cafeteria managers',
    principalSide: false,
    phrases: ['cafeteria manager', 'cafeteria managers', 'child nutrition directors', 'food service staff'],
  },
  {
    role: 'office staff',
    principalSide: false,
    phrases: ['office managers', 'administrative assistants', 'school secretaries'],
  },
  {
    role: 'families',
    principalSide: false,
    phrases: [
      'parents',
      'families',
      'guardians',
      'parents/guardians',
      'students',
      'learners',
      'candidates',
      'applicants',
    ],
  },
  {
    role: 'community organizations',
    principalSide: false,
    phrases: [
      'community organizations',
      'community organisations',
      'organizations',
      'organisations',
      'vendors',
    ],
  },
];

export interface LevelDef {
  level: SchoolLevel;
  /** Phrases that state the level: a level word next to a school/role word, or a grade-band tag. */
  phrases: string[];
}

export const LEVELS: readonly LevelDef[] = [
  {
    level: 'elementary',
    phrases: [
      'elementary schools',
      'elementary school',
      'elementary principals',
      'elementary and',
      'primary schools',
      'primary school',
      'primaries',
      'primary academies',
      'primary academy',
      'primary section',
    ],
  },
  {
    level: 'middle',
    phrases: ['middle schools', 'middle school', 'middle school principals', 'middle and high'],
  },
  {
    level: 'high',
    phrases: [
      'high schools',
      'high school',
      'high school principals',
      'all secondaries',
      'secondary schools only',
      'grade 12 learners',
    ],
  },
  { level: 'k8', phrases: ['K-8', 'K8', 'K-8 schools'] },
  {
    level: 'secondary',
    phrases: [
      'secondary schools',
      'secondary school',
      'secondary principals',
      'secondaries',
      'all secondary schools',
    ],
  },
  {
    level: 'early_childhood',
    phrases: [
      'early years',
      'pre-kindergarten',
      'pre-k',
      'kindergartens',
      'early learning',
      'preschool',
      'nursery',
    ],
  },
];
