#!/usr/bin/env python3
"""delayproxy.py — a userspace link with a fixed round-trip delay.

    delayproxy.py LISTEN_PORT UNIX_SOCKET RTT_MS

Accepts TCP connections on 127.0.0.1:LISTEN_PORT and relays each to the
PostgreSQL Unix socket UNIX_SOCKET, holding every chunk for RTT_MS / 2 in
each direction (order kept), so a client sees RTT_MS of extra round trip.
tc netem needs the sch_netem kernel module, which these machines lack
(facts-postgres-terminal.md), hence this.
"""
import asyncio
import sys
import time


async def pipe(reader, writer, delay):
    q = asyncio.Queue()

    async def send():
        while True:
            due, data = await q.get()
            if data is None:
                break
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()
        try:
            writer.close()
        except Exception:
            pass

    task = asyncio.ensure_future(send())
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            q.put_nowait((time.monotonic() + delay, data))
    except Exception:
        pass
    q.put_nowait((0, None))
    await task


async def main():
    port, path, rtt = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    delay = rtt / 2000.0

    async def handle(cr, cw):
        try:
            sr, sw = await asyncio.open_unix_connection(path)
        except OSError:
            cw.close()
            return
        await asyncio.gather(pipe(cr, sw, delay), pipe(sr, cw, delay))

    server = await asyncio.start_server(handle, "127.0.0.1", port)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
