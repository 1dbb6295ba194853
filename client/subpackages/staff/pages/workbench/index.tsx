import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { serviceCatalog } from '../../../../src/features/services/service-catalog';
import { Page } from '../../../../src/components/Page';
import { SignedIn } from '../../../../src/components/SignedIn';
import { auditRoles, staffDeskRoles } from '../../../../src/features/staff/staff-roles';
import { goTo, routes } from '../../../../src/navigation/routes';
import { hasAnyRole } from '../../../../../shared/domain/roles';
import { mayCall } from '../../../../../shared/domain/permissions';
import { Cell, CellGroup } from '../../../../src/ui/Cell';
import { HoursExport } from '../../../../src/features/exports/HoursExport';

/** The staff workbench: what 街道 staff and the bureau's admin do, one tap each. */
export default function WorkbenchPage() {
  return (
    <Page>
      <Text className='page-title'>工作台</Text>
      <SignedIn roles={staffDeskRoles} forbiddenText='这里是街道工作人员和区民政局的工作台。'>
        {(user) => (
          <>
            <Text className='page-subtitle'>{user.roles.includes('admin') ? '全区' : '本街道'}的预约、派单和代办</Text>
            <CellGroup title='数据'>
              <Cell title='数据看板' label='培训人次对照指标、各项服务次数' onClick={() => goTo(routes.dashboard)} />
            </CellGroup>
            <CellGroup title='预约服务'>
              <Cell title='陪诊派单' label='待接的陪诊请求，核实困难群体，指派陪诊员' onClick={() => goTo(routes.staffDispatch)} />
              <Cell title='街道预约' label='按服务、状态、日期、站点、社区查看预约' onClick={() => goTo(routes.staffBookings)} />
            </CellGroup>
            <CellGroup title='代办预约（为来窗口或打电话的老人）'>
              {serviceCatalog.map((service) =>
                service.bookingRoute ? (
                  <Cell
                    key={service.key}
                    title={`代办${service.title}`}
                    label='填写老人姓名、电话和社区'
                    onClick={() => void Taro.navigateTo({ url: `${service.bookingRoute}&proxy=1` })}
                  />
                ) : null,
              )}
            </CellGroup>
            <CellGroup title='银龄行动'>
              <Cell title='银龄行动管理' label='志愿者申请、活动、签到名单、服务时长、培训进度' onClick={() => goTo(routes.manageHub)} />
            </CellGroup>
            {/* stations and providers */}
            <CellGroup title='站点与服务人员'>
              <Cell title='养老顾问站点' label='新建、修改、停用站点，填写开放时间' onClick={() => goTo(routes.staffStations)} />
              <Cell title='服务人员' label='按服务和站点查看养老顾问、婚姻辅导员、陪诊员' onClick={() => goTo(routes.staffProviders)} />
              {mayCall(user.roles, 'admin.createStaffAccount') ? (
                <Cell title='工作人员账号' label='建立浏览器登录账号，重设忘记的密码' onClick={() => goTo(routes.staffAccounts)} />
              ) : null}
            </CellGroup>
            <CellGroup title='导出志愿服务时长表'>
              <View className='card'>
                <HoursExport />
              </View>
            </CellGroup>
            <CellGroup title='管理'>
              <Cell title='消息发送情况' label='没能发到微信的通知，可重新发送' onClick={() => goTo(routes.staffNotices)} />
              {hasAnyRole(user.roles, auditRoles) ? (
                <>
                  <Cell title='人员与角色' label='查找人员，授予或收回角色' onClick={() => goTo(routes.staffPeople)} />
                  <Cell title='区级设置' label='陪诊名额、培训指标、节假日' onClick={() => goTo(routes.staffSettings)} />
                  <Cell title='操作记录' label='谁在什么时候查看了谁、改了什么' onClick={() => goTo(routes.staffAudit)} />
                </>
              ) : null}
            </CellGroup>
          </>
        )}
      </SignedIn>
    </Page>
  );
}
