import type { z } from 'zod';
import { auditSummaryOf, type AuditKind } from '../../../../shared/domain/permissions';
import { addDays, districtDayStart } from '../../../../shared/domain/time';
import type { staffDeskActions } from '../../../../shared/schemas/staff-desk.schema';
import type { Clock } from '../../ports/clock';
import type { IdGenerator } from '../../ports/ids';
import type { AuditRepository } from '../../repositories/audit.repository';
import type { UserRepository } from '../../repositories/user.repository';
import type { Caller } from '../../runtime/caller';

type ListInput = z.output<typeof staffDeskActions.auditLog>;

/**
 * The audit log of staff and admin work. What is written is decided by the permissions module
 * (`auditKindFor`) in the one adapter every call passes (define-function), so no service writes it.
 */
export class AuditLogService {
  constructor(private readonly deps: { audit: AuditRepository; users: Pick<UserRepository, 'namesOf'>; clock: Clock; ids: IdGenerator }) {}

  async record(caller: Caller, action: string, kind: Exclude<AuditKind, 'none'>, input: unknown): Promise<void> {
    const { target, fields } = auditSummaryOf(input);
    await this.deps.audit.add({ _id: this.deps.ids.next('au'), at: this.deps.clock.now(), actorId: caller.userId, actorRoles: [...caller.roles], action, kind, target, fields });
  }

  async list(input: ListInput) {
    const { items, total } = await this.deps.audit.list({
      actorId: input.actorId,
      action: input.actionName,
      kind: input.kind,
      targetId: input.targetId,
      from: input.from ? districtDayStart(input.from) : undefined,
      to: input.to ? districtDayStart(addDays(input.to, 1)) : undefined,
      skip: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
    });
    const names = await this.deps.users.namesOf([...new Set(items.map((e) => e.actorId))]);
    return {
      items: items.map(({ _id, at, ...entry }) => ({ id: _id, at: at.toISOString(), actorName: names.get(entry.actorId) ?? null, ...entry })),
      total,
      page: input.page,
      pageSize: input.pageSize,
    };
  }
}
