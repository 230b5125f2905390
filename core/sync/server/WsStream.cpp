#include "WsStream.h"

#include "sync/server/FdWatch.h"

#include <QSslSocket>

#include <algorithm>
#include <array>
#include <cerrno>

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace st {

namespace {

// Frames written in one system call at most.
constexpr int kMaxIov = 64;
// What one read takes from the kernel at most (the scratch buffer every plain stream shares).
constexpr std::size_t kScratch = 65536;

// A plain TCP connection on its descriptor, watched for reading as long as it is open and for
// writing only while the kernel refuses bytes (a peer that is slow to read).
class PlainStream final : public WsStream
{
public:
    explicit PlainStream(int fd)
        : m_fd(fd)
        , m_watch(fd)
    {
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        if (::getpeername(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
            m_peer.setAddress(reinterpret_cast<const sockaddr *>(&address));
        m_watch.onReadable = [this] {
            if (onReadable)
                onReadable();
        };
        m_watch.onWritable = [this] {
            if (send() && onWritten)
                onWritten();
        };
        m_watch.setReadEnabled(true);
    }

    ~PlainStream() override { end(false); }

    QByteArrayView read(qint64 max) override
    {
        if (m_fd < 0 || m_ending || max <= 0)
            return {};
        static thread_local std::array<char, kScratch> scratch;
        ssize_t n;
        do {
            n = ::recv(m_fd, scratch.data(), std::min<std::size_t>(std::size_t(max), kScratch),
                       MSG_DONTWAIT);
        } while (n < 0 && errno == EINTR);
        if (n > 0)
            return QByteArrayView(scratch.data(), qsizetype(n));
        if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
            endLater(); // the peer left, or the connection failed
        return {};
    }

    void write(std::vector<QByteArray> &frames) override
    {
        if (m_fd >= 0 && !m_ending) {
            for (QByteArray &frame : frames) {
                if (!frame.isEmpty()) {
                    m_pendingBytes += frame.size();
                    m_pending.push_back(std::move(frame));
                }
            }
            send();
        }
        frames.clear();
    }

    qint64 bytesToWrite() const override { return m_pendingBytes - m_offset; }

    void disconnectFromHost() override
    {
        if (m_fd < 0)
            return;
        m_watch.setReadEnabled(false);
        m_closeWhenWritten = true;
        if (m_pending.empty())
            end(true);
    }

    void abort() override { end(false); }
    bool isConnected() const override { return m_fd >= 0 && !m_ending; }
    QHostAddress peerAddress() const override { return m_peer; }
    void setReadBufferLimit(qint64) override {} // nothing is held unread here

    void setReading(bool on) override
    {
        if (m_fd < 0 || m_ending || m_closeWhenWritten)
            return;
        m_watch.setReadEnabled(on);
    }

private:
    // Writes what is kept until the kernel refuses; then waits until it can take more. False
    // once the connection ends.
    bool send()
    {
        while (!m_pending.empty()) {
            iovec iov[kMaxIov];
            int count = 0;
            for (std::size_t i = 0; i < m_pending.size() && count < kMaxIov; ++i, ++count) {
                const qint64 skip = i == 0 ? m_offset : 0;
                iov[count].iov_base = const_cast<char *>(m_pending[i].constData() + skip);
                iov[count].iov_len = std::size_t(m_pending[i].size() - skip);
            }
            msghdr message{};
            message.msg_iov = iov;
            message.msg_iovlen = std::size_t(count);
            ssize_t written;
            do {
                written = ::sendmsg(m_fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
            } while (written < 0 && errno == EINTR);
            if (written < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK)
                    break;
                endLater();
                return false;
            }
            consume(written);
        }
        if (m_pending.empty()) {
            m_watch.setWriteEnabled(false);
            if (m_closeWhenWritten) {
                end(true);
                return false;
            }
            return true;
        }
        m_watch.setWriteEnabled(true);
        return true;
    }

    void consume(qint64 written)
    {
        m_offset += written;
        std::size_t done = 0;
        while (done < m_pending.size() && m_offset >= m_pending[done].size()) {
            m_offset -= m_pending[done].size();
            m_pendingBytes -= m_pending[done].size();
            ++done;
        }
        m_pending.erase(m_pending.begin(), m_pending.begin() + qsizetype(done));
    }

    // Failures found while reading or writing end the connection once the caller is done: it
    // may be a connection's own code, which must not see itself gone half-way.
    void endLater()
    {
        if (m_ending)
            return;
        m_ending = true;
        m_watch.setReadEnabled(false);
        m_watch.setWriteEnabled(false);
        QMetaObject::invokeMethod(
            &m_context, [this] { end(true); }, Qt::QueuedConnection);
    }

    void end(bool notify)
    {
        if (m_fd < 0)
            return;
        m_watch.setReadEnabled(false); // out of the epoll set before the descriptor closes
        m_watch.setWriteEnabled(false);
        ::close(m_fd);
        m_fd = -1;
        m_pending.clear();
        m_pendingBytes = 0;
        m_offset = 0;
        if (notify && onGone)
            onGone();
    }

    int m_fd;
    FdWatch m_watch;
    QObject m_context; // for endLater()'s queued call
    QHostAddress m_peer;
    std::vector<QByteArray> m_pending;
    qint64 m_pendingBytes = 0; // of m_pending
    qint64 m_offset = 0;       // into m_pending's first frame, already written
    bool m_closeWhenWritten = false;
    bool m_ending = false;
};

// TLS through QSslSocket, which keeps its own buffers.
class TlsStream final : public WsStream
{
public:
    explicit TlsStream(QSslSocket *socket)
        : m_socket(socket)
    {
        QObject::connect(m_socket.get(), &QSslSocket::readyRead, m_socket.get(), [this] {
            if (m_reading && onReadable)
                onReadable();
        });
        QObject::connect(m_socket.get(), &QSslSocket::disconnected, m_socket.get(), [this] {
            if (!m_aborted && onGone)
                onGone();
        });
        // Qt encrypts what it is given at once (bytesWritten); the kernel takes it later
        // (encryptedBytesWritten). What waits is both (bytesToWrite()).
        const auto written = [this] {
            if (onWritten)
                onWritten();
        };
        QObject::connect(m_socket.get(), &QSslSocket::bytesWritten, m_socket.get(), written);
        QObject::connect(m_socket.get(), &QSslSocket::encryptedBytesWritten, m_socket.get(),
                         written);
    }

    ~TlsStream() override
    {
        m_socket->disconnect();
        // It may be on the stack below (one of its signals): deleted once the loop is back.
        m_socket.release()->deleteLater();
    }

    QByteArrayView read(qint64 max) override
    {
        m_buffer = m_socket->read(max);
        return m_buffer;
    }
    void write(std::vector<QByteArray> &frames) override
    {
        for (const QByteArray &frame : frames)
            m_socket->write(frame);
        frames.clear();
    }
    qint64 bytesToWrite() const override
    {
        return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
    }
    void disconnectFromHost() override { m_socket->disconnectFromHost(); }
    void abort() override
    {
        m_aborted = true;
        m_socket->abort();
    }
    bool isConnected() const override
    {
        return m_socket->state() == QAbstractSocket::ConnectedState;
    }
    QHostAddress peerAddress() const override { return m_socket->peerAddress(); }
    void setReadBufferLimit(qint64 bytes) override { m_socket->setReadBufferSize(bytes); }
    // Qt reads on into its buffer, up to the limit above, then leaves the rest in the kernel.
    void setReading(bool on) override { m_reading = on; }

private:
    std::unique_ptr<QSslSocket> m_socket;
    QByteArray m_buffer; // what read() gave last
    bool m_reading = true;
    bool m_aborted = false;
};

} // namespace

std::unique_ptr<WsStream> WsStream::plain(qintptr descriptor)
{
    return std::make_unique<PlainStream>(int(descriptor));
}

std::unique_ptr<WsStream> WsStream::tls(QSslSocket *socket)
{
    return std::make_unique<TlsStream>(socket);
}

} // namespace st
