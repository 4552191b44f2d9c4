/** The message shortcut's `callback_id` (declared under `features.shortcuts` in manifest.yml). */
export const FLAG_RESUME_SHORTCUT = 'flag_resume_concerns' as const;

/** The review modal's `callback_id`. */
export const FLAG_RESUME_VIEW = 'flag_resume_modal' as const;

/**
 * Inputs of the "Flag resume concerns" modal: `blockId` keys `view.state.values` and
 * `response_action: errors`; `actionId` names the element. Input blocks dispatch no actions,
 * so no listener is registered for these.
 */
export const FLAG_RESUME_INPUTS = {
  concerns: { blockId: 'flag_concerns', actionId: 'flag_concerns_select' },
  note: { blockId: 'flag_note', actionId: 'flag_note_input' },
  destination: { blockId: 'flag_destination', actionId: 'flag_destination_choice' },
} as const;
