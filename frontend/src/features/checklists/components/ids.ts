/** The id of the checklist's heading on the case page: the phase gate's "Gå til tjeklisten" moves focus there. */
export const CHECKLIST_HEADING_ID = 'checklist-heading';
