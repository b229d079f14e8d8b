using Preau.Plugins.Directory.Codes;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Directory.Plugin.Actions;
using Preau.Plugins.Graph;

namespace Preau.Plugins.Directory.Plugin;

/// <summary>Runs an import against the server's graph: read, plan, and (unless a dry run) write the
/// plan as one all-or-nothing batch, store the codes' hashes and write the per-class CSVs. One import
/// at a time, and no action of the annuaire meanwhile (<see cref="DirectoryWriteGate"/>); values set by
/// hand in the annuaire are kept over the feed's (<see cref="ManualFieldStore"/>).</summary>
public sealed class DirectoryImporter(
    IGraphReader reader,
    IGraphWriter writer,
    ActivationCodeStore codes,
    PluginContext context,
    TimeProvider time,
    DirectoryWriteGate gate,
    ManualFieldStore manual)
{

    /// <summary>The folder activation CSVs go to when the caller names none: the setting
    /// <c>CodesDirectory</c>, else <c>&lt;data&gt;/plugin-files/Preau.Plugins.Directory/activation-codes</c>.</summary>
    public string DefaultCodesDirectory =>
        context.Settings.TryGetValue("CodesDirectory", out var configured) && configured.Length > 0
            ? Path.GetFullPath(configured)
            : Path.Combine(context.Settings.GetValueOrDefault("Host:DataDirectory") ?? Path.GetFullPath("data"), "plugin-files", context.Id, "activation-codes");

    /// <summary>Whether an import is running.</summary>
    public bool Busy => gate.Busy;

    /// <summary>Runs <paramref name="request"/>; never throws for bad files (they give a refused report).</summary>
    public async Task<ImportReport> RunAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // An action of the annuaire holds the gate for milliseconds; another import, for seconds.
        if (!await gate.EnterAsync(TimeSpan.FromSeconds(2), cancellationToken))
        {
            return ImportReport.Refused([new ImportError("", "", null, "un autre import est en cours : réessayez quand il sera terminé")], []);
        }

        try
        {
            return await Task.Run(() => Run(request, progress, cancellationToken), cancellationToken);
        }
        finally
        {
            gate.Exit();
        }
    }

    private ImportReport Run(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (request.Inputs.Count == 0)
        {
            return ImportReport.Refused([new ImportError("", "", null, "aucun fichier fourni")], []);
        }

        var graph = reader.Export();
        var state = GraphState.ToState(graph, context.Settings.GetValueOrDefault("Uai") is { Length: > 0 } uai ? uai : null);
        if (GroupFeedingSetting() is not { } feeding)
        {
            return ImportReport.Refused([new ImportError("", "", null,
                $"réglage GroupFeeding inconnu « {context.Settings["GroupFeeding"]} » : valeurs possibles {string.Join(", ", Enum.GetNames<GroupFeeding>())}")], []);
        }

        var options = new PlanOptions { GroupFeeding = feeding, ManualValues = manual.All() };
        var outcome = DirectoryImport.Prepare(request.Inputs, state, options, progress: progress, cancellationToken: cancellationToken);
        if (!outcome.Succeeded)
        {
            return ImportReport.Refused(outcome.Errors, outcome.Warnings);
        }

        var plan = outcome.Plan!;
        if (request.Expected != ImportScope.None && !plan.Scope.HasFlag(request.Expected))
        {
            var name = request.Expected == ImportScope.Sts ? "STSweb (sts_emp_*.xml)" : "SIECLE (élèves, responsables, nomenclature, structures)";
            return ImportReport.Refused([new ImportError("", "", null, $"les fichiers ne contiennent pas d'export {name}")], outcome.Warnings);
        }

        if (request.DryRun)
        {
            return ImportReport.Of(plan, "dry-run", applied: false, []);
        }

        if (plan.RequiresConfirmation && !request.Confirm)
        {
            return ImportReport.Of(plan, "confirmation-required", applied: false, []) with
            {
                Summary = "Beaucoup de comptes quitteraient l'annuaire : rien n'a été modifié. Vérifiez les fichiers, puis relancez avec la confirmation (--confirm, ou confirm=true).",
            };
        }

        if (plan.IsEmpty)
        {
            return ImportReport.Of(plan, "applied", applied: false, []);
        }

        return Apply(plan, graph, state, request);
    }

    private ImportReport Apply(ImportPlan plan, GraphSnapshot graph, DirectoryState state, ImportRequest request)
    {
        // The CSVs are written first into a staging folder, moved in place only once the batch is written.
        var target = Path.GetFullPath(request.CodesDirectory ?? CodeFolder.NewImportFolder(DefaultCodesDirectory, time.GetUtcNow()));
        var staging = Path.Combine(target, $".staging-{Guid.NewGuid():N}");
        var created = !System.IO.Directory.Exists(target);
        CreateOwnerOnly(target);
        var staged = ActivationCsv.WriteFiles(plan.ActivationCodes, staging, reader.Domain, ActivationCsv.ActivationPage(context.Settings.GetValueOrDefault("ActivationUrl")));
        try
        {
            var source = $"import {Scope(plan.Scope)} {plan.Uai} {plan.SchoolYear} par {request.Actor}";
            writer.Apply(PlanBatch.Build(plan, reader, graph, state, source));
        }
        catch (GraphBatchException ex)
        {
            System.IO.Directory.Delete(staging, recursive: true);
            DeleteIfEmpty(target, created);
            return ImportReport.Refused(ex.Errors.Select(e => new ImportError("", "", null, $"annuaire incohérent : {e}")).ToArray(), []);
        }

        codes.Save(plan.Added);
        var files = new List<string>();
        foreach (var file in staged)
        {
            var destination = Path.Combine(target, Path.GetFileName(file));
            File.Move(file, destination, overwrite: true);
            files.Add(destination);
        }

        System.IO.Directory.Delete(staging, recursive: true);
        DeleteIfEmpty(target, created);
        return ImportReport.Of(plan, "applied", applied: true, files);
    }

    /// <summary>An import that made no account leaves no empty folder of its own behind.</summary>
    private static void DeleteIfEmpty(string folder, bool created)
    {
        if (created && System.IO.Directory.Exists(folder) && !System.IO.Directory.EnumerateFileSystemEntries(folder).Any())
        {
            System.IO.Directory.Delete(folder);
        }
    }

    /// <summary>The setting <c>GroupFeeding</c> (Siecle when unset); null when it names no option, so that
    /// a typo refuses the import instead of letting SIECLE rewrite groups the timetable owns.</summary>
    private GroupFeeding? GroupFeedingSetting() =>
        context.Settings.GetValueOrDefault("GroupFeeding") is not { Length: > 0 } value
            ? GroupFeeding.Siecle
            : Enum.TryParse<GroupFeeding>(value.Trim(), ignoreCase: true, out var feeding) && Enum.IsDefined(feeding) && !char.IsAsciiDigit(value.Trim()[0])
                ? feeding
                : null;

    private static string Scope(ImportScope scope) => scope switch
    {
        ImportScope.Siecle => "SIECLE",
        ImportScope.Sts => "STSweb",
        _ => "SIECLE+STSweb",
    };

    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
        }
        else
        {
            System.IO.Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
