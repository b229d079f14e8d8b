using Microsoft.Extensions.Logging;
using Preau.Core.Accounts;
using Preau.Imap.Handlers;
using Preau.Imap.Protocol;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Reading;
using Preau.Imap.Protocol.Writing;

namespace Preau.Imap.Session;

/// <summary>One IMAP connection from greeting to BYE: reads a command, checks it against the state
/// table, runs its handler, tells pending mailbox changes where the protocol allows, flushes.
/// Malformed input gets BAD or NO; only protocol-fatal errors end the session with BYE.</summary>
internal sealed partial class ImapSession : IAsyncDisposable
{
    private readonly SemaphoreSlim _wake = new(0);

    public ImapSession(ImapServices services, ImapConnection connection, string remoteAddress)
    {
        Services = services;
        Connection = connection;
        RemoteAddress = remoteAddress;
    }

    public ImapServices Services { get; }

    public ImapConnection Connection { get; }

    public ImapWriter Writer => Connection.Writer;

    public string RemoteAddress { get; }

    public SessionState State { get; set; } = SessionState.NotAuthenticated;

    public Account? Account { get; private set; }

    public SelectedMailbox? Selected { get; private set; }

    /// <summary>CONDSTORE is on once the client used it (RFC 7162 §3.1).</summary>
    public bool CondStore { get; set; }

    /// <summary>QRESYNC is enabled (RFC 7162 §3.2.3): expunges are told as VANISHED, and SELECT may resynchronise.</summary>
    public bool QResync { get; set; }

    /// <summary>UTF8=ACCEPT is enabled (RFC 6855): names and strings in UTF-8, SEARCH without CHARSET.</summary>
    public bool Utf8Accept { get; set; }

    /// <summary>IMAP4rev2 is enabled (RFC 9051): UTF-8 names, ESEARCH answers, no \Recent.</summary>
    public bool Rev2 { get; set; }

    /// <summary>Mailbox names and strings travel in UTF-8 (UTF8=ACCEPT or IMAP4rev2).</summary>
    public bool Utf8 => Utf8Accept || Rev2;

    /// <summary>The logged-in account (handlers of authenticated states only).</summary>
    public Account User => Account ?? throw new InvalidOperationException("not logged in");

    /// <summary>The selected mailbox (handlers of the selected state only).</summary>
    public SelectedMailbox Box => Selected ?? throw new InvalidOperationException("no mailbox selected");

    /// <summary>Serves the connection until LOGOUT, a fatal error, a timeout or the server stopping.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        Writer.Status(null, ImapStatus.Ok, "Preau IMAP ready", new ResponseCode("CAPABILITY", string.Join(' ', CurrentCapabilities())));
        await Connection.FlushAsync(stopping);
        try
        {
            while (State != SessionState.Logout)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                timeout.CancelAfter(State == SessionState.NotAuthenticated ? Services.Options.UnauthenticatedTimeout : Services.Options.AuthenticatedTimeout);
                ImapReadResult read;
                try
                {
                    read = await Connection.Reader.ReadCommandAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
                {
                    Writer.Status(null, ImapStatus.Bye, "Autologout; idle for too long");
                    break;
                }

                if (!await HandleReadAsync(read, timeout.Token))
                {
                    break;
                }

                await Connection.FlushAsync(stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Writer.Status(null, ImapStatus.Bye, "Server shutting down");
        }
        catch (IOException)
        {
            // The client went away.
            return;
        }

        try
        {
            await Connection.FlushAsync(CancellationToken.None);
        }
        catch (IOException)
        {
            // Already closed by the client.
        }
    }

    /// <summary>Returns false when the session must end.</summary>
    private async Task<bool> HandleReadAsync(ImapReadResult read, CancellationToken cancellationToken)
    {
        switch (read.Status)
        {
            case ImapReadStatus.EndOfStream:
                return false;
            case ImapReadStatus.Error:
                // A fatal error is written as the BYE itself; the session then ends.
                Writer.Error(read.Error!);
                return !read.Error!.IsFatal;
            case ImapReadStatus.ContinuationRequired:
                AcceptOrRejectLiteral(read.Literal!);
                return true;
            default:
                if (EndIfRevoked())
                {
                    return false;
                }

                await ExecuteAsync(read.Command!, cancellationToken);
                return State != SessionState.Logout;
        }
    }

    private void AcceptOrRejectLiteral(LiteralRequest literal)
    {
        if (!StateTable.IsAllowed(literal.CommandName, State))
        {
            Connection.Reader.RejectLiteral();
            Writer.Status(literal.Tag, ImapStatus.Bad, $"{literal.CommandName} is not allowed now ({StateTable.Describe(literal.CommandName)})");
            return;
        }

        if (literal.CommandName == "APPEND" && literal.Size > Services.Mailboxes.MaxMessageSize)
        {
            Connection.Reader.RejectLiteral();
            Writer.Status(literal.Tag, ImapStatus.No, $"Message too big: at most {Services.Mailboxes.MaxMessageSize} octets", ResponseCode.TooBig);
            return;
        }

        if (literal.CommandName == "APPEND" && literal.Size == 0)
        {
            // Nothing to store: say so before the client goes on (the command is dropped).
            Connection.Reader.RejectLiteral();
            Writer.Status(literal.Tag, ImapStatus.No, AppendHandler.EmptyMessage, ResponseCode.Cannot);
            return;
        }

        if (literal.CommandName == "APPEND" && Account is { } account && Services.Mailboxes.Quota(account) is { LimitBytes: { } limit } quota
            && quota.Usage.Bytes + literal.Size > limit)
        {
            // RFC 9208 §4.3: refused before the client sends the octets; nothing is stored.
            Connection.Reader.RejectLiteral();
            var text = Core.Quota.QuotaService.OverQuotaText(quota.Usage.Bytes, literal.Size, limit);
            Writer.Status(literal.Tag, ImapStatus.No, Writer.Utf8Enabled ? text : Core.Mail.AsciiText.Fold(text), ResponseCode.OverQuota);
            return;
        }

        Writer.Continuation("Ready for literal data");
    }

    private async Task ExecuteAsync(RawCommand raw, CancellationToken cancellationToken)
    {
        var name = raw.Name == "UID" && raw.Arguments.Count > 0 ? "UID " + raw.Arguments[0].Text.ToUpperInvariant() : raw.Name;
        if (!StateTable.IsAllowed(name, State))
        {
            var known = StateTable.Describe(name) != "no state";
            Writer.Status(raw.Tag, ImapStatus.Bad, known ? $"{name} is only allowed in {StateTable.Describe(name)}" : $"Unknown command {name}");
            return;
        }

        if (!CommandParser.TryParse(raw, new CommandParserOptions { Utf8Accept = Utf8Accept, Imap4Rev2 = Rev2 }, out var command, out var error))
        {
            SearchHandler.OnRefused(this, raw, error);
            Writer.Error(error);
            return;
        }

        try
        {
            await Dispatcher.RunAsync(this, command, cancellationToken);
        }
        catch (ImapCommandException ex)
        {
            Writer.Error(ex.Error);
        }
        catch (Core.Storage.MailboxStoreException ex)
        {
            Writer.Status(command.Tag, ImapStatus.No, Writer.Utf8Enabled ? ex.Message : Core.Mail.AsciiText.Fold(ex.Message), Codes.For(ex.Error));
        }
#pragma warning disable CA1031 // A handler's bug answers NO [SERVERBUG]; the session and its mailbox stay usable.
        catch (Exception ex) when (ex is not OperationCanceledException and not IOException)
#pragma warning restore CA1031
        {
            LogHandlerFailure(Services.Log, command.Name, ex);
            Writer.Status(command.Tag, ImapStatus.No, "Internal error, the command was not completed", ResponseCode.ServerBug);
        }
    }

    /// <summary>Logs in: checks the per-account cap, then moves to the authenticated state.</summary>
    public bool TryLogIn(Account account)
    {
        if (!Services.Accounts.TryEnter(account.Id))
        {
            return false;
        }

        Account = account;
        State = SessionState.Authenticated;
        return true;
    }

    /// <summary>Selects a mailbox view (or closes the current one when null).</summary>
    public void Select(SelectedMailbox? mailbox)
    {
        Selected?.Dispose();
        Selected = mailbox;
        State = mailbox is null ? SessionState.Authenticated : SessionState.Selected;
    }

    /// <summary>Wakes an IDLE waiting for changes (called from the change bus).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>Waits for a change or the timeout.</summary>
    public Task<bool> WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public IEnumerable<string> CurrentCapabilities() => State == SessionState.NotAuthenticated
        ? Capabilities.PreAuth(Connection.IsSecure, Services.Mailboxes.MaxMessageSize)
        : Capabilities.PostAuth(Services.Mailboxes.MaxMessageSize);

    public async ValueTask DisposeAsync()
    {
        Selected?.Dispose();
        if (Account is not null)
        {
            Services.Accounts.Leave(Account.Id);
        }

        _wake.Dispose();
        await Connection.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "IMAP {Command} failed")]
    private static partial void LogHandlerFailure(ILogger logger, string command, Exception exception);
}
