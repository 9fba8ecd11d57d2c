/**
 * The telephony lab for Playwright and Vitest: constants (host, ports, ws/wss URLs, SIP domain,
 * lab users and passwords), SIPp peers (outside callers, staff members, hostile INVITEs), test
 * audio, network faults, Kamailio restart and rtpengine's DTMF events.
 *
 * Everything assumes the test process runs inside `lab/run-isolated.sh` (a private loopback-only
 * network namespace with a started lab), e.g.
 *   bash lab/run-isolated.sh npx playwright test --project telephony
 * Specs MUST skip otherwise: `test.skip(!!labSkipReason(), labSkipReason())`.
 * Details and the scenario list: lab/README.md.
 */
export {
  LAB_AUTH_REALM,
  LAB_CALLER_NAME,
  LAB_CALLER_NUMBER,
  LAB_CLIENT_LINE,
  LAB_DTMF_LOG_PORT,
  LAB_HOST,
  LAB_RECEPTION_USER,
  LAB_REPOSITORY_ROOT,
  LAB_RTP_PORT_RANGE,
  LAB_SIP_DOMAIN,
  LAB_SIP_PORT,
  LAB_USERS,
  LAB_WSS_PORT,
  LAB_WSS_URL,
  LAB_WS_PORT,
  LAB_WS_SECOND_PORT,
  LAB_WS_SECOND_URL,
  LAB_WS_URL,
  findLabUser,
  isInsideLab,
  labRunDirectory,
  labSkipReason,
  type LabUser,
} from '../../lab/support/labConstants';
export {
  calledPartyOf,
  finalStatusOf,
  infoDigitsOf,
  runCall,
  startAnswering,
  startCall,
  type AnswerOptions,
  type AnswerScenario,
  type CallOptions,
  type CallerScenario,
  type LabAudioChoice,
  type SippResult,
  type SippRun,
} from '../../lab/support/sippRun';
export {
  cutNetwork,
  dtmfDigitOf,
  generateLabAudio,
  listenForDtmf,
  restartKamailio,
  ROUTED_PATH_TIMEOUT_MS,
  restoreNetwork,
  setPacketLoss,
  type DtmfEvent,
  type DtmfListener,
  type FaultScope,
  type LabAudio,
  type RestartOptions,
} from '../../lab/support/labControl';
