using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Preau.Imap.Protocol.Reading;

namespace Preau.Imap.Protocol.Commands;

/// <summary>Turns a <see cref="RawCommand"/> into its typed command, dispatching on the name.</summary>
/// <remarks>
/// <code>
/// uid = "UID" SP (copy / move / fetch / search / store / uid-expunge / sort / thread)
/// </code>
/// Which commands are legal in which state is not decided here: that is the session's table.
/// </remarks>
public static class CommandParser
{
    private static readonly FrozenDictionary<string, Func<ArgumentReader, ImapCommand>> Plain =
        new Dictionary<string, Func<ArgumentReader, ImapCommand>>
        {
            ["CAPABILITY"] = CapabilityCommand.Parse,
            ["NOOP"] = NoopCommand.Parse,
            ["LOGOUT"] = LogoutCommand.Parse,
            ["ID"] = IdCommand.Parse,
            ["STARTTLS"] = StartTlsCommand.Parse,
            ["AUTHENTICATE"] = AuthenticateCommand.Parse,
            ["LOGIN"] = LoginCommand.Parse,
            ["ENABLE"] = EnableCommand.Parse,
            ["SELECT"] = a => SelectCommand.Parse(a, readOnly: false),
            ["EXAMINE"] = a => SelectCommand.Parse(a, readOnly: true),
            ["CREATE"] = CreateCommand.Parse,
            ["DELETE"] = DeleteCommand.Parse,
            ["RENAME"] = RenameCommand.Parse,
            ["SUBSCRIBE"] = SubscribeCommand.Parse,
            ["UNSUBSCRIBE"] = UnsubscribeCommand.Parse,
            ["LIST"] = ListCommand.Parse,
            ["LSUB"] = LsubCommand.Parse,
            ["NAMESPACE"] = NamespaceCommand.Parse,
            ["STATUS"] = StatusCommand.Parse,
            ["APPEND"] = AppendCommand.Parse,
            ["IDLE"] = IdleCommand.Parse,
            ["GETQUOTA"] = GetQuotaCommand.Parse,
            ["GETQUOTAROOT"] = GetQuotaRootCommand.Parse,
            ["SETQUOTA"] = SetQuotaCommand.Parse,
            ["CHECK"] = CheckCommand.Parse,
            ["CLOSE"] = CloseCommand.Parse,
            ["UNSELECT"] = UnselectCommand.Parse,
            ["EXPUNGE"] = a => ExpungeCommand.Parse(a, byUid: false),
            ["SEARCH"] = a => SearchCommand.Parse(a, byUid: false),
            ["FETCH"] = a => FetchCommand.Parse(a, byUid: false),
            ["STORE"] = a => StoreCommand.Parse(a, byUid: false),
            ["COPY"] = a => CopyCommand.Parse(a, byUid: false),
            ["MOVE"] = a => MoveCommand.Parse(a, byUid: false),
            ["SORT"] = a => SortCommand.Parse(a, byUid: false),
            ["THREAD"] = a => ThreadCommand.Parse(a, byUid: false),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Func<ArgumentReader, ImapCommand>> Uid =
        new Dictionary<string, Func<ArgumentReader, ImapCommand>>
        {
            ["EXPUNGE"] = a => ExpungeCommand.Parse(a, byUid: true),
            ["SEARCH"] = a => SearchCommand.Parse(a, byUid: true),
            ["FETCH"] = a => FetchCommand.Parse(a, byUid: true),
            ["STORE"] = a => StoreCommand.Parse(a, byUid: true),
            ["COPY"] = a => CopyCommand.Parse(a, byUid: true),
            ["MOVE"] = a => MoveCommand.Parse(a, byUid: true),
            ["SORT"] = a => SortCommand.Parse(a, byUid: true),
            ["THREAD"] = a => ThreadCommand.Parse(a, byUid: true),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The command names this parser knows (without the UID forms).</summary>
    public static IReadOnlyCollection<string> CommandNames => Plain.Keys;

    /// <summary>Parses a command.</summary>
    /// <param name="raw">The command as read.</param>
    /// <param name="options">Session options (UTF8=ACCEPT); <see cref="CommandParserOptions.Default"/> when null.</param>
    /// <returns>The typed command.</returns>
    /// <exception cref="ImapCommandException">BAD (malformed, unknown command) or NO (unknown SEARCH charset).</exception>
    public static ImapCommand Parse(RawCommand raw, CommandParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        options ??= CommandParserOptions.Default;
        if (raw.Name == "UID")
        {
            var sub = raw.Arguments.Count > 0 && raw.Arguments[0].Kind == ImapTokenKind.Atom
                ? raw.Arguments[0].Text.ToUpperInvariant()
                : "";
            var args = new ArgumentReader(raw.Tag, "UID " + sub, options, raw.Arguments.Skip(1).ToArray());
            return Uid.TryGetValue(sub, out var uidParser)
                ? uidParser(args)
                : throw Bad(raw.Tag, sub.Length == 0 ? "UID needs a command" : $"UID {sub} is not a command");
        }

        return Plain.TryGetValue(raw.Name, out var parser)
            ? parser(new ArgumentReader(raw.Tag, raw.Name, options, raw.Arguments))
            : throw Bad(raw.Tag, $"Unknown command {raw.Name}");
    }

    /// <summary>Parses a command without throwing.</summary>
    /// <param name="raw">The command as read.</param>
    /// <param name="options">Session options; <see cref="CommandParserOptions.Default"/> when null.</param>
    /// <param name="command">The typed command, on success.</param>
    /// <param name="error">The BAD/NO to answer, on failure.</param>
    /// <returns>True on success.</returns>
    public static bool TryParse(
        RawCommand raw,
        CommandParserOptions? options,
        [NotNullWhen(true)] out ImapCommand? command,
        [NotNullWhen(false)] out ImapError? error)
    {
        try
        {
            command = Parse(raw, options);
            error = null;
            return true;
        }
        catch (ImapCommandException e)
        {
            command = null;
            error = e.Error;
            return false;
        }
    }

    private static ImapCommandException Bad(string tag, string message) =>
        new(new ImapError(ImapErrorKind.Bad, tag, message));
}
