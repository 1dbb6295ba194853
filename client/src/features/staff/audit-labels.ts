/** The audit log's actions as staff read them; an action not named here shows its code. */
const actionLabels: Record<string, string> = {
  'booking.detail': '查看预约详情',
  'staff.streetBooking': '查看预约详情',
  'staff.reviewEligibility': '核实困难群体身份',
  'staff.bookFor': '代办预约',
  'admin.assignEscort': '指派陪诊员',
  'admin.grantRoles': '授予角色',
  'admin.revokeRoles': '收回角色',
  'admin.upsertStation': '修改站点',
  'admin.deleteStation': '删除站点',
  'admin.upsertProvider': '修改服务人员',
  'admin.deactivateProvider': '停用服务人员',
  'admin.setHolidayCalendar': '修改节假日',
  'notify.resend': '重发消息',
  'provider.accept': '代为接受预约',
  'provider.decline': '代为拒绝预约',
  'provider.cancel': '代为取消预约',
  'provider.complete': '代为完成预约',
  'provider.noShow': '代为记未到',
  'volunteer.application': '查看志愿者申请',
  'volunteer.approve': '通过志愿者申请',
  'volunteer.reject': '不通过志愿者申请',
  'volunteer.roster': '查看活动名单',
  // stations and providers
  'admin.setStationActive': '停用或恢复站点',
  'admin.createStaffAccount': '建立工作人员账号',
  'admin.resetStaffPassword': '重设密码',
};

export function auditActionLabel(action: string): string {
  return actionLabels[action] ?? action;
}

export const auditKindLabels = { view_person: '查看个人信息', change: '修改' } as const;
