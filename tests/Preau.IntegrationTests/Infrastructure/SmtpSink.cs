using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Preau.IntegrationTests.Infrastructure;

/// <summary>One message the sink received.</summary>
/// <param name="MailFrom">The envelope sender; empty for the null reverse-path &lt;&gt;.</param>
/// <param name="Recipients">The recipients the sink accepted.</param>
/// <param name="Raw">The message as received (dot-unstuffed).</param>
internal sealed record SinkMessage(string MailFrom, IReadOnlyList<string> Recipients, byte[] Raw)
{
    public string Text => Encoding.UTF8.GetString(Raw);

    public MimeMessage Parse()
    {
        using var stream = new MemoryStream(Raw);
        return MimeMessage.Load(stream);
    }
}

/// <summary>A smart host for tests: an SMTP server on a loopback port that records what it receives,
/// and refuses chosen recipients for good (550) or for now (451). The port is chosen at construction,
/// so the server under test can be pointed at a sink that is not started yet (a relay that is down).</summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<SinkMessage> _messages = new();
    private readonly ConcurrentDictionary<string, SmtpReplyCode> _refusals = new(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource? _stop;
    private Task? _running;
    private int _sessions;

    public SmtpSink(int? port = null) => Port = port ?? FreePort.Next();

    public int Port { get; }

    public bool IsRunning => _running is not null;

    /// <summary>Connections the sink has seen since it was created.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>The messages received so far, in order.</summary>
    public IReadOnlyList<SinkMessage> Messages => _messages.ToArray();

    /// <summary>RCPT TO this address gets 550 5.1.1.</summary>
    public void RefusePermanently(string address) => _refusals[address] = SmtpReplyCode.MailboxUnavailable;

    /// <summary>RCPT TO this address gets 451 4.3.0.</summary>
    public void RefuseTemporarily(string address) => _refusals[address] = (SmtpReplyCode)451;

    /// <summary>Accept every recipient again.</summary>
    public void AcceptAll() => _refusals.Clear();

    /// <summary>Starts listening; completes once the port is bound.</summary>
    public async Task StartAsync()
    {
        if (_running is not null)
        {
            throw new InvalidOperationException("the sink is already running");
        }

        var bound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => bound.TrySetResult();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.exemple.org")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .MaxRetryCount(1000)
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        services.Add(listeners);
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _stop = new CancellationTokenSource();
        _running = server.StartAsync(_stop.Token);
        if (await Task.WhenAny(bound.Task, _running, Task.Delay(TimeSpan.FromSeconds(10))) != bound.Task)
        {
            await StopAsync();
            throw new InvalidOperationException($"the sink could not listen on port {Port}");
        }
    }

    /// <summary>Stops listening and ends the sessions; <see cref="StartAsync"/> may be called again.</summary>
    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }

        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived; fails the test after the timeout.</summary>
    public async Task<IReadOnlyList<SinkMessage>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var messages = Messages;
            if (messages.Count >= count)
            {
                return messages;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the sink received {messages.Count} message(s), expected {count} (sessions: {Sessions})");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static string Address(IMailbox mailbox) =>
        mailbox is null || string.IsNullOrEmpty(mailbox.User) ? "" : $"{mailbox.User}@{mailbox.Host}";

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            sink._messages.Enqueue(new SinkMessage(Address(transaction.From), transaction.To.Select(Address).ToArray(), buffer.ToArray()));
            return Task.FromResult(new SmtpResponse(SmtpReplyCode.Ok, "2.0.0 recorded by the sink"));
        }
    }

    private sealed class Filter(SmtpSink sink) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (sink._refusals.TryGetValue(Address(to), out var code))
            {
                var text = code == SmtpReplyCode.MailboxUnavailable ? "5.1.1 no such user here (sink)" : "4.3.0 try again later (sink)";
                throw new SmtpResponseException(new SmtpResponse(code, text), false);
            }

            return Task.FromResult(true);
        }
    }
}
