using Preau.Plugins.Commands;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Reading;

namespace Preau.Plugins.Directory.Plugin;

/// <summary><c>preau import siecle &lt;fichiers|zip…&gt;</c> and <c>preau import sts &lt;fichier&gt;</c>, with
/// <c>--dry-run</c>, <c>--confirm</c> and <c>--codes &lt;dossier&gt;</c>: prints a progress bar, then the
/// report (counts, details, errors with file, element and reason).</summary>
public sealed class ImportCommand(DirectoryImporter importer, ImportScope scope) : IPluginCommand
{
    /// <inheritdoc />
    public string Verb => scope == ImportScope.Sts ? "import sts" : "import siecle";

    /// <inheritdoc />
    public string Usage => scope == ImportScope.Sts
        ? "<sts_emp.xml|zip> [--dry-run] [--confirm] [--codes <dossier>]"
        : "<fichiers.xml|zip…> [--dry-run] [--confirm] [--codes <dossier>]";

    /// <inheritdoc />
    public async Task<int> RunAsync(PluginCommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = new List<string>();
        bool dryRun = false, confirm = false;
        string? codes = null;
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            switch (context.Arguments[i])
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--confirm":
                    confirm = true;
                    break;
                case "--codes" when i + 1 < context.Arguments.Count:
                    codes = Path.GetFullPath(context.Arguments[++i]);
                    break;
                case var a when a.StartsWith("--", StringComparison.Ordinal):
                    await context.Output.WriteLineAsync($"option inconnue : {a}\nusage : preau {Verb} {Usage}");
                    return 2;
                default:
                    files.Add(context.Arguments[i]);
                    break;
            }
        }

        if (files.Count == 0)
        {
            await context.Output.WriteLineAsync($"usage : preau {Verb} {Usage}");
            return 2;
        }

        var missing = files.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            await context.Output.WriteLineAsync($"fichier introuvable : {string.Join(", ", missing)} (donnez des chemins absolus)");
            return 1;
        }

        var request = new ImportRequest(files.Select(f => ImportInput.FromFile(Path.GetFullPath(f))).ToArray(), dryRun, confirm, codes, context.Actor, scope);
        var report = await importer.RunAsync(request, new TextProgressBar(context.Output), cancellationToken);
        await context.Output.WriteLineAsync();
        await ReportText.WriteAsync(context.Output, report);
        return report.Outcome is "applied" or "dry-run" ? 0 : 1;
    }
}
