/**
 * Issue, pull request and Discussion numbers share one sequence per repository and follow
 * creation order. Generators first reserve a slot with a creation time, and only when everything
 * is planned are numbers handed out, so that `#N` references can be written afterwards.
 */

export interface Slot {
  repository: string;
  createdAt: number;
  /** 0 until `assignNumbers` ran. */
  number: number;
  /** Tie-breaker for equal creation times: reservation order. */
  sequence: number;
}

export interface SlotRegistry {
  reserve(repository: string, createdAt: number): Slot;
  assignNumbers(): void;
  highestNumber(repository: string): number;
}

export function createSlotRegistry(): SlotRegistry {
  const slots: Slot[] = [];
  let assigned = false;
  return {
    reserve(repository, createdAt) {
      if (assigned) throw new Error('slots were already numbered');
      const slot: Slot = { repository, createdAt, number: 0, sequence: slots.length };
      slots.push(slot);
      return slot;
    },
    assignNumbers() {
      const byRepository = new Map<string, Slot[]>();
      for (const slot of slots) {
        const list = byRepository.get(slot.repository) ?? [];
        list.push(slot);
        byRepository.set(slot.repository, list);
      }
      for (const list of byRepository.values()) {
        list.sort((left, right) => left.createdAt - right.createdAt || left.sequence - right.sequence);
        list.forEach((slot, index) => {
          slot.number = index + 1;
        });
      }
      assigned = true;
    },
    highestNumber(repository) {
      return slots.filter((slot) => slot.repository === repository).reduce((highest, slot) => Math.max(highest, slot.number), 0);
    },
  };
}

export function refOf(slot: Slot): { repository: string; number: number } {
  if (slot.number === 0) throw new Error('slot used before numbers were assigned');
  return { repository: slot.repository, number: slot.number };
}
