// The connection a subscription runs over: Server-Sent Events, or a WebSocket (websocket.ts sets
// it). The subscriptions of events/ cut it off through `kill` when a subscriber stops reading.

export type TransportName = 'sse' | 'ws';

/** How a subscriber is connected, and how to cut it off when it stops reading altogether. */
export interface Transport {
  name: TransportName;
  kill?: () => void;
}
