namespace Preau.Imap.Protocol.Reading;

/// <summary>One complete command as read: tag, name and argument tokens, literals included.</summary>
/// <param name="Tag">The client's tag, e.g. <c>a001</c>.</param>
/// <param name="Name">The command name in upper case, e.g. <c>FETCH</c> or <c>UID</c> (the UID
/// sub-command is the first argument).</param>
/// <param name="Arguments">The argument tokens, lists nested.</param>
/// <remarks>Turn it into a typed command with <see cref="Commands.CommandParser"/>.</remarks>
public sealed record RawCommand(string Tag, string Name, IReadOnlyList<ImapToken> Arguments)
{
    /// <summary>The command without its literal bytes, for logs: <c>a001 LOGIN "x" {8}</c>.</summary>
    public override string ToString() =>
        Arguments.Count == 0 ? $"{Tag} {Name}" : $"{Tag} {Name} {string.Join(' ', Arguments)}";
}
