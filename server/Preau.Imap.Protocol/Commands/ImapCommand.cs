namespace Preau.Imap.Protocol.Commands;

/// <summary>A parsed command: immutable, syntax only, ready for its handler.</summary>
/// <param name="Tag">The client's tag, to answer with.</param>
public abstract record ImapCommand(string Tag)
{
    /// <summary>The command's name as the client sent it, e.g. <c>UID FETCH</c> or <c>EXAMINE</c>, upper case.</summary>
    public abstract string Name { get; }
}
