/** The name the capture worklet registers and `audioCapture.ts` instantiates. */
export const CAPTURE_PROCESSOR_NAME = 'empfang-transcript-capture';
