namespace Preau.Plugins.Directory;

/// <summary>Why an import is refused: which file, where in it, and what is wrong, in French.</summary>
/// <param name="File">The file as the administrator named it (<c>ElevesSansAdresses.xml</c>, or
/// <c>export.zip/ElevesSansAdresses.xml</c> inside an archive); empty for the directory itself.</param>
/// <param name="Element">The element path, with the record's identifier when known
/// (<c>BEE_ELEVES/DONNEES/ELEVES/ELEVE[@ELEVE_ID=1001]/PRENOM</c>); empty when the whole file is at fault.</param>
/// <param name="Line">The line in the file, when known.</param>
/// <param name="Reason">What is wrong, in French.</param>
public sealed record ImportError(string File, string Element, int? Line, string Reason)
{
    /// <summary>One line for logs and the CLI: file, line, element, reason.</summary>
    public override string ToString()
    {
        var where = File;
        if (Line is { } line)
        {
            where += $" (ligne {line})";
        }

        if (Element.Length > 0)
        {
            where += (where.Length > 0 ? ", " : "") + Element;
        }

        return where.Length > 0 ? $"{where} : {Reason}" : Reason;
    }
}
