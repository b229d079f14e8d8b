using Preau.Imap.Protocol.Commands;
using Preau.Imap.Session;

namespace Preau.Imap.Handlers;

/// <summary>Sends each parsed command to its handler.</summary>
internal static class Dispatcher
{
    public static Task RunAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken) => command switch
    {
        CapabilityCommand c => Done(() => ConnectionHandlers.Capability(session, c)),
        NoopCommand c => Done(() => ConnectionHandlers.Noop(session, c)),
        CheckCommand c => Done(() => ConnectionHandlers.Check(session, c)),
        LogoutCommand c => Done(() => ConnectionHandlers.Logout(session, c)),
        IdCommand c => Done(() => ConnectionHandlers.Id(session, c)),
        EnableCommand c => Done(() => ConnectionHandlers.Enable(session, c)),
        NamespaceCommand c => Done(() => ConnectionHandlers.Namespace(session, c)),
        StartTlsCommand c => ConnectionHandlers.StartTlsAsync(session, c, cancellationToken),
        LoginCommand c => LoginHandlers.LoginAsync(session, c, cancellationToken),
        AuthenticateCommand c => LoginHandlers.AuthenticateAsync(session, c, cancellationToken),
        SelectCommand c => Done(() => SelectHandlers.Select(session, c)),
        CloseCommand c => Done(() => SelectHandlers.Close(session, c)),
        UnselectCommand c => Done(() => SelectHandlers.Unselect(session, c)),
        CreateCommand c => Done(() => FolderHandlers.Create(session, c)),
        DeleteCommand c => Done(() => FolderHandlers.Delete(session, c)),
        RenameCommand c => Done(() => FolderHandlers.Rename(session, c)),
        SubscribeCommand c => Done(() => FolderHandlers.Subscribe(session, c.Tag, c.Mailbox, true)),
        UnsubscribeCommand c => Done(() => FolderHandlers.Subscribe(session, c.Tag, c.Mailbox, false)),
        ListCommand c => Done(() => ListHandlers.List(session, c)),
        LsubCommand c => Done(() => ListHandlers.Lsub(session, c)),
        StatusCommand c => Done(() => StatusHandler.Status(session, c)),
        AppendCommand c => AppendHandler.AppendAsync(session, c, cancellationToken),
        IdleCommand c => IdleHandler.IdleAsync(session, c, cancellationToken),
        ExpungeCommand c => Done(() => MessageHandlers.Expunge(session, c)),
        StoreCommand c => Done(() => MessageHandlers.Store(session, c)),
        CopyCommand c => Done(() => MessageHandlers.Copy(session, c.Tag, c.Set, c.ByUid, c.Mailbox, move: false)),
        MoveCommand c => Done(() => MessageHandlers.Copy(session, c.Tag, c.Set, c.ByUid, c.Mailbox, move: true)),
        FetchCommand c => FetchHandler.FetchAsync(session, c, cancellationToken),
        SearchCommand c => SearchHandler.SearchAsync(session, c, cancellationToken),
        SortCommand c => SortHandler.SortAsync(session, c, cancellationToken),
        ThreadCommand c => ThreadHandler.ThreadAsync(session, c, cancellationToken),
        GetQuotaRootCommand c => Done(() => QuotaHandlers.GetQuotaRoot(session, c)),
        GetQuotaCommand c => Done(() => QuotaHandlers.GetQuota(session, c)),
        SetQuotaCommand c => Done(() => QuotaHandlers.SetQuota(session, c)),
        _ => Done(() => session.Writer.Status(command.Tag, Protocol.Writing.ImapStatus.Bad, $"{command.Name} is not supported")),
    };

    private static Task Done(Action action)
    {
        action();
        return Task.CompletedTask;
    }
}
