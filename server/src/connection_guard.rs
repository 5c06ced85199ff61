//! Connections that cannot take the server down.
//!
//! Plain `axum::serve` keeps a connection open as long as the client likes
//! and accepts as many as arrive: 1,100 silent sockets used up every file
//! descriptor, and then the database and the background workers could not
//! open theirs either. Here every connection
//! - must send its first bytes within the header timeout,
//! - is closed after the idle timeout with nothing read or written (an
//!   event stream writes a keep-alive every 15 s, so it is never idle),
//! - takes one of a fixed number of places; when all are taken the server
//!   stops accepting until one is free (the kernel's backlog waits), so
//!   descriptors stay free for the database, files and workers.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::connect_info::Connected;
use axum::serve::{IncomingStream, Listener};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, Sleep};

/// Descriptors kept free for the database pool, files and workers.
const RESERVED_DESCRIPTORS: u64 = 256;

/// The limits every connection lives under.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionLimits {
    /// Time from accepting to the first byte of the first request.
    pub header_timeout: Duration,
    /// Time with nothing read or written before the connection is closed.
    pub idle_timeout: Duration,
    /// Connections open at once.
    pub max_connections: usize,
}

impl ConnectionLimits {
    /// Limits for a process allowed `descriptors` open files.
    #[must_use]
    pub fn for_descriptors(
        descriptors: u64,
        header_timeout: Duration,
        idle_timeout: Duration,
    ) -> Self {
        let usable = descriptors.saturating_sub(RESERVED_DESCRIPTORS).max(16);
        Self {
            header_timeout,
            idle_timeout,
            max_connections: usize::try_from(usable).unwrap_or(usize::MAX),
        }
    }
}

/// Raises the soft limit of open files to the hard limit and returns it.
/// Descriptors are the server's most precious resource under load; the
/// default soft limit (often 1,024) is far below what the system allows.
#[must_use]
pub fn raise_open_file_limit() -> u64 {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(limit) => limit,
        Err(error) => {
            tracing::warn!(%error, "cannot raise the open-file limit");
            rlimit::getrlimit(rlimit::Resource::NOFILE).map_or(1_024, |(soft, _)| soft)
        }
    }
}

/// The peer's address, as handlers read it with `ConnectInfo`.
#[derive(Clone, Copy, Debug)]
pub struct PeerAddr(pub SocketAddr);

impl Connected<IncomingStream<'_, GuardedListener>> for PeerAddr {
    fn connect_info(stream: IncomingStream<'_, GuardedListener>) -> Self {
        PeerAddr(*stream.remote_addr())
    }
}

/// A TCP listener that hands out guarded connections.
#[derive(Debug)]
pub struct GuardedListener {
    inner: TcpListener,
    places: Arc<Semaphore>,
    limits: ConnectionLimits,
}

impl GuardedListener {
    /// Wraps a bound listener.
    #[must_use]
    pub fn new(inner: TcpListener, limits: ConnectionLimits) -> Self {
        Self {
            inner,
            places: Arc::new(Semaphore::new(limits.max_connections)),
            limits,
        }
    }
}

impl Listener for GuardedListener {
    type Io = GuardedStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        // Wait for a free place before taking the next connection.
        let Ok(place) = Arc::clone(&self.places).acquire_owned().await else {
            // The semaphore is never closed; wait forever rather than spin.
            return std::future::pending().await;
        };
        loop {
            match self.inner.accept().await {
                Ok((stream, addr)) => {
                    let _ = stream.set_nodelay(true);
                    return (GuardedStream::new(stream, place, self.limits), addr);
                }
                Err(error) => {
                    // Out of descriptors or a connection reset before it
                    // was taken: wait a moment instead of spinning.
                    tracing::warn!(%error, "accepting a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.inner.local_addr()
    }
}

/// A connection with a deadline: the header timeout until the first byte
/// arrives, then the idle timeout after every byte read or written.
#[derive(Debug)]
pub struct GuardedStream {
    inner: TcpStream,
    deadline: Pin<Box<Sleep>>,
    idle_timeout: Duration,
    _place: OwnedSemaphorePermit,
}

impl GuardedStream {
    fn new(inner: TcpStream, place: OwnedSemaphorePermit, limits: ConnectionLimits) -> Self {
        Self {
            inner,
            deadline: Box::pin(tokio::time::sleep(limits.header_timeout)),
            idle_timeout: limits.idle_timeout,
            _place: place,
        }
    }

    fn touched(&mut self) {
        self.deadline
            .as_mut()
            .reset(Instant::now() + self.idle_timeout);
    }

    /// `Pending` from the socket becomes an error once the deadline passed.
    fn check_deadline(&mut self, cx: &mut Context<'_>) -> Poll<io::Error> {
        match self.deadline.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(io::Error::new(
                io::ErrorKind::TimedOut,
                "connection idle for too long",
            )),
            Poll::Pending => Poll::Pending,
        }
    }

    /// What every write answers: progress refreshes the idle deadline, and a
    /// reader that stopped reading holds the connection as surely as a silent
    /// one, so `Pending` past the deadline is an error too.
    fn after_write(
        &mut self,
        cx: &mut Context<'_>,
        written: Poll<io::Result<usize>>,
    ) -> Poll<io::Result<usize>> {
        match written {
            Poll::Ready(Ok(n)) => {
                if n > 0 {
                    self.touched();
                }
                Poll::Ready(Ok(n))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => self.check_deadline(cx).map(Err),
        }
    }
}

impl AsyncRead for GuardedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        match Pin::new(&mut self.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                if buf.filled().len() > before {
                    self.touched();
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => self.check_deadline(cx).map(Err),
        }
    }
}

impl AsyncWrite for GuardedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.after_write(cx, written)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.after_write(cx, written)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

#[cfg(test)]
mod tests {
    use super::ConnectionLimits;
    use std::time::Duration;

    #[test]
    fn descriptors_are_kept_for_the_database_and_workers() {
        let limits = ConnectionLimits::for_descriptors(
            1_024,
            Duration::from_secs(10),
            Duration::from_mins(1),
        );
        assert_eq!(limits.max_connections, 768);
        let tiny =
            ConnectionLimits::for_descriptors(100, Duration::from_secs(1), Duration::from_secs(1));
        assert_eq!(tiny.max_connections, 16);
    }
}
