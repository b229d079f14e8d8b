using System.Globalization;
using System.Text;

namespace Preau.Plugins.Directory.Codes;

/// <summary>One activation CSV of an import folder: its file name, the sheet (class) it is for, how
/// many codes it holds, when it was written.</summary>
/// <param name="File">The file name (<c>codes-6a.csv</c>), what the download names.</param>
/// <param name="Classe">The sheet: a class code, « Personnels » or « Sans classe ».</param>
/// <param name="Count">Codes (lines after the header).</param>
/// <param name="WrittenAt">When the file was written.</param>
public sealed record CodeFile(string File, string Classe, int Count, DateTimeOffset WrittenAt);

/// <summary>The activation CSVs imports leave under the plugin's codes folder: one sub-folder per
/// applied import, named by its time (<c>yyyyMMdd-HHmmss</c>, then <c>-02</c>… when two imports
/// share a second), each holding that import's <c>codes-*.csv</c>.</summary>
/// <remarks>Only file names that the newest import folder actually holds are ever resolved: a name
/// with a path in it, or any other name, finds nothing (no path is built from what a caller sends).</remarks>
public static class CodeFolder
{
    /// <summary>A new folder name for an import made at <paramref name="now"/>, under <paramref name="root"/>:
    /// sorting names ordinally sorts imports by time.</summary>
    public static string NewImportFolder(string root, DateTimeOffset now)
    {
        var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var path = Path.Combine(root, stamp);
        for (var n = 2; System.IO.Directory.Exists(path); n++)
        {
            path = Path.Combine(root, $"{stamp}-{n:00}");
        }

        return path;
    }

    /// <summary>The newest import folder under <paramref name="root"/> that holds activation CSVs, or null.</summary>
    public static string? Newest(string root)
    {
        if (!System.IO.Directory.Exists(root))
        {
            return null;
        }

        return System.IO.Directory.EnumerateDirectories(root)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .OrderByDescending(d => Path.GetFileName(d), StringComparer.Ordinal)
            .FirstOrDefault(d => System.IO.Directory.EnumerateFiles(d, "codes-*.csv").Any());
    }

    /// <summary>The activation CSVs of the newest import (classes first, then « Sans classe » and
    /// « Personnels »); empty when no import wrote any.</summary>
    public static IReadOnlyList<CodeFile> List(string root)
    {
        if (Newest(root) is not { } folder)
        {
            return [];
        }

        return System.IO.Directory.EnumerateFiles(folder, "codes-*.csv")
            .Select(Describe)
            .OrderBy(f => f.Classe switch { ActivationSheet.UnplacedSheet => 1, ActivationSheet.StaffSheet => 2, _ => 0 })
            .ThenBy(f => f.Classe, StringComparer.Ordinal)
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The full path of the newest import's CSV called exactly <paramref name="fileName"/>, or null.</summary>
    public static string? Find(string root, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (Newest(root) is not { } folder)
        {
            return null;
        }

        return System.IO.Directory.EnumerateFiles(folder, "codes-*.csv")
            .FirstOrDefault(f => string.Equals(Path.GetFileName(f), fileName, StringComparison.Ordinal));
    }

    private static CodeFile Describe(string path)
    {
        var count = 0;
        string? sheet = null;
        using (var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            _ = reader.ReadLine(); // the header
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                count++;
                sheet ??= FirstCell(line);
            }
        }

        var name = Path.GetFileName(path);
        return new CodeFile(name, sheet ?? name["codes-".Length..^".csv".Length], count, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero));
    }

    /// <summary>The first cell of a line as <see cref="ActivationCsv"/> wrote it: unquoted, undefused.</summary>
    private static string FirstCell(string line)
    {
        string cell;
        if (line.StartsWith('"'))
        {
            var sb = new StringBuilder();
            for (var i = 1; i < line.Length; i++)
            {
                if (line[i] == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        sb.Append('"');
                        i++;
                        continue;
                    }

                    break;
                }

                sb.Append(line[i]);
            }

            cell = sb.ToString();
        }
        else
        {
            var end = line.IndexOf(';', StringComparison.Ordinal);
            cell = end < 0 ? line : line[..end];
        }

        return cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;
    }
}
