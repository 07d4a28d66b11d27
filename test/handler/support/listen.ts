import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

/** Starts a Node server on a free loopback port and resolves with its base URL. */
export function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve(`http://127.0.0.1:${port}`)
    })
  })
}

/** Stops a server, dropping idle keep-alive connections so the test run can end. */
export function close(server: Server | undefined): Promise<void> {
  if (server === undefined) return Promise.resolve()
  return new Promise((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  })
}
