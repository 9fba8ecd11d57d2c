/**
 * The calls area: registration health, presence, ringing calls (client line first), the
 * connected calls with their controls, the dial pad, device notices and the shortcut legend.
 * Everything shown comes from the call store; caller-controlled text is rendered as text only.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CallState, isTerminal } from '../../../shared/domain/callState';
import { formatForDisplay } from '../../../shared/domain/phoneNumber';
import { useAppStore } from '../../app/state/appStore';
import { useCallHistoryRecording } from '../history/historyForWindow';
import type { CallLeg } from './callStore';
import { CallCard } from './components/CallCard';
import { DeviceNotices } from './components/DeviceNotices';
import { DialPad } from './components/DialPad';
import { IncomingCallCard } from './components/IncomingCallCard';
import { PresenceControl } from './components/PresenceControl';
import { RegistrationStatus } from './components/RegistrationStatus';
import { ShortcutLegend } from './components/ShortcutLegend';
import { useSoftphone } from './softphoneContext';
import { useSipStatusItem } from './useSipStatusItem';
import { useSoftphoneShortcuts } from './useSoftphoneShortcuts';
import './softphone.css';

export function SoftphonePanel() {
  const { t } = useTranslation('softphone');
  const softphone = useSoftphone();
  useSoftphoneShortcuts(softphone);
  useSipStatusItem(softphone);
  useCallHistoryRecording(softphone.store);

  useEffect(() => {
    softphone.engine.setNotificationText((leg: CallLeg) => ({
      title: t('notification.title', { caller: leg.remoteName || leg.remoteLabel }),
      body: leg.clientLine
        ? t('notification.forLine', { line: formatForDisplay(leg.clientLine) })
        : t('notification.direct'),
    }));
  }, [softphone, t]);

  const legs = useAppStore(softphone.store, (state) => state.legs);
  const order = useAppStore(softphone.store, (state) => state.legOrder);
  const all = order.map((id) => legs[id]).filter((leg): leg is CallLeg => leg !== undefined);
  const ringing = all.filter((leg) => leg.state === CallState.Ringing);
  const others = all.filter((leg) => leg.state !== CallState.Ringing);
  const talking = all.some((leg) => leg.state === CallState.Active);
  const connectedElsewhere = others.some((leg) => !isTerminal(leg.state));

  return (
    <div className="softphone" data-testid="softphone">
      <div className="softphone-layout">
        <div className="softphone-column softphone-main">
          {ringing.map((leg) => (
            <IncomingCallCard key={leg.id} leg={leg} waiting={connectedElsewhere} />
          ))}
          {others.length > 0 ? (
            <section aria-label={t('call.listLabel')} className="softphone-calls">
              {others.map((leg) => (
                <CallCard
                  key={leg.id}
                  leg={leg}
                  consultationOf={leg.consultationFor ? legs[leg.consultationFor] : undefined}
                  canSwap={talking}
                />
              ))}
            </section>
          ) : null}
          <DialPad />
        </div>
        <div className="softphone-column softphone-side">
          <PresenceControl />
          <DeviceNotices />
          <RegistrationStatus />
          <ShortcutLegend />
        </div>
      </div>
    </div>
  );
}
