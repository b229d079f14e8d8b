namespace Preau.Plugins.Directory;

/// <summary>Something the administrator should know that does not stop the import (a pupil without
/// a class, a service on a group that another source owns), in French.</summary>
/// <param name="File">The file concerned, or empty.</param>
/// <param name="Element">The element path, or empty.</param>
/// <param name="Message">What happened, in French.</param>
public sealed record ImportWarning(string File, string Element, string Message)
{
    /// <summary>One line for logs and the CLI.</summary>
    public override string ToString()
    {
        var where = string.Join(", ", new[] { File, Element }.Where(s => s.Length > 0));
        return where.Length > 0 ? $"{where} : {Message}" : Message;
    }
}
