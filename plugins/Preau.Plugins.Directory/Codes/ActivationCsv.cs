using System.Text;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Planning;

namespace Preau.Plugins.Directory.Codes;

/// <summary>Writes activation sheets as CSV for distribution to families: « ; » separated, UTF-8
/// with a byte-order mark, so that a French spreadsheet opens it as is.</summary>
/// <remarks>Cells that a spreadsheet would run as a formula (starting with =, +, -, @) are prefixed
/// with an apostrophe. The files hold secrets: they are created readable by their owner only. The
/// last column is the address of the webmail's page where the code is typed, on every line, so that
/// a mail merge of one line per family carries it.</remarks>
public static class ActivationCsv
{
    /// <summary>The activation page when the plugin's settings name none: the webmail's path.</summary>
    public const string DefaultActivationPage = "/activation";

    /// <summary>The header line's cells.</summary>
    public static readonly IReadOnlyList<string> Header =
        ["Classe", "Profil", "Nom", "Prénom", "Responsable de", "Identifiant", "Adresse", "Code d'activation", "Page d'activation"];

    /// <summary>Writes a header and one line per entry; <paramref name="activationPage"/> is the
    /// address of the page where the code is typed.</summary>
    public static void Write(TextWriter writer, IEnumerable<ActivationEntry> entries, string mailDomain, string activationPage = DefaultActivationPage)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        WriteLine(writer, Header);
        foreach (var e in entries)
        {
            WriteLine(writer, [e.Sheet, PlanReport.KindName(e.Kind), e.LastName, e.FirstName, e.ChildName ?? "", e.Login, $"{e.Login}@{mailDomain}", e.Code, activationPage]);
        }
    }

    /// <summary>One file per sheet in <paramref name="directory"/> (<c>codes-6a.csv</c>,
    /// <c>codes-personnels.csv</c>…); returns their paths.</summary>
    public static IReadOnlyList<string> WriteFiles(ActivationSheet sheet, string directory, string mailDomain, string activationPage = DefaultActivationPage)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        System.IO.Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var group in sheet.Sheets)
        {
            var path = Path.Combine(directory, $"codes-{FileSlug(group.Key)}.csv");
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), options);
            Write(writer, group, mailDomain, activationPage);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>A cell, quoted when it holds « ; », quotes or line breaks, defused when it looks like a formula.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>The activation page to print from a setting: an absolute http(s) address (the
    /// server's public one, <c>https://mail.college.example/activation</c>) or a path starting with
    /// « / »; anything else, or nothing, gives <see cref="DefaultActivationPage"/>.</summary>
    public static string ActivationPage(string? setting)
    {
        var value = setting?.Trim() ?? "";
        if (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) && !value.Any(char.IsControl))
        {
            return value;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : DefaultActivationPage;
    }

    private static void WriteLine(TextWriter writer, IEnumerable<string> cells)
    {
        writer.Write(string.Join(';', cells.Select(Cell)));
        writer.Write("\r\n");
    }

    private static string FileSlug(string sheet)
    {
        var slug = Folding.Slug(sheet);
        return slug.Length > 0 ? slug : "sans-nom";
    }
}
