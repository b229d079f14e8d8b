using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Preau.Plugins.Directory.Reading;

/// <summary>Reads the fields of one record and reports what is missing or wrong with the file, the
/// record's path and identifier (<c>…/ELEVE[@ELEVE_ID=1001]/PRENOM</c>) and the line.</summary>
internal sealed class RecordScope(SourceFile file, string recordPath, XElement record, ImportErrors errors)
{
    /// <summary>Longest value accepted in a field (names, labels, codes).</summary>
    public const int MaxLength = 200;

    private readonly string _recordPath = recordPath;
    private int _errors;

    public SourceFile File => file;

    public XElement Record => record;

    /// <summary>The record's path, with its identifier once <see cref="Identify"/> is called.</summary>
    public string Path { get; private set; } = recordPath;

    public int? Line => LineOf(record);

    /// <summary>Whether this record has reported an error.</summary>
    public bool Failed => _errors > 0;

    /// <summary>Adds the identifying attribute to the path used in messages.</summary>
    public void Identify(string attribute, string? value)
    {
        if (value is not null)
        {
            Path = $"{_recordPath}[@{attribute}={value}]";
        }
    }

    /// <summary>An attribute of the record, cleaned; reports it when required and missing.</summary>
    public string? Attribute(string name, bool required = true) => Attribute(record, name, required);

    public string? Attribute(XElement element, string name, bool required = true)
    {
        var value = Check(Clean(element.Attribute(name)?.Value), element, "@" + name, required);
        return value;
    }

    /// <summary>The text of a child element of the record, cleaned; reports it when required and missing.</summary>
    public string? Text(string name, bool required = false) => Text(record, name, required);

    public string? Text(XElement parent, string name, bool required = false)
    {
        var child = parent.Element(name);
        return Check(Clean(child?.Value), (XObject?)child ?? parent, Relative(parent, name), required);
    }

    /// <summary>A dd/mm/yyyy date child (SIECLE style), or null.</summary>
    public DateOnly? Date(string name, string format = "dd/MM/yyyy")
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(record.Element(name), name, $"date « {text} » illisible (attendu {format.ToLowerInvariant()})");
        return null;
    }

    /// <summary>Reports an error at <paramref name="at"/>, a path relative to the record.</summary>
    public void Error(XObject? at, string relative, string reason)
    {
        _errors++;
        errors.Add(file.Name, relative.Length > 0 ? $"{Path}/{relative}" : Path, LineOf(at) ?? Line, reason);
    }

    public static int? LineOf(XObject? node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    /// <summary>Trimmed, inner runs of white space (no-break spaces included) made one space; null when empty.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var sb = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private string? Check(string? value, XObject at, string relative, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                Error(at, relative, "élément obligatoire absent ou vide");
            }

            return null;
        }

        if (value.Length > MaxLength)
        {
            Error(at, relative, $"valeur trop longue ({value.Length} caractères, {MaxLength} au plus)");
            return null;
        }

        return value;
    }

    private string Relative(XElement parent, string name)
    {
        var parts = new List<string> { name };
        for (var e = parent; e is not null && e != record; e = e.Parent)
        {
            parts.Insert(0, e.Name.LocalName);
        }

        return string.Join('/', parts);
    }
}
