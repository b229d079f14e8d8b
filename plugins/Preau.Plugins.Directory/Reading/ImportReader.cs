using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Siecle;
using Preau.Plugins.Directory.Sts;

namespace Preau.Plugins.Directory.Reading;

/// <summary>What reading the exports gave: a snapshot, or the reasons they were refused.</summary>
/// <param name="Snapshot">The school as the files describe it; null when any error was found.</param>
/// <param name="Errors">Every problem found (file, element, line, reason), at most a few hundred.</param>
/// <param name="Warnings">What the administrator should know even when the files are accepted.</param>
public sealed record ReadResult(ImportSnapshot? Snapshot, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportWarning> Warnings)
{
    /// <summary>Whether the files were accepted.</summary>
    public bool Succeeded => Snapshot is not null && Errors.Count == 0;
}

/// <summary>Reads SIECLE and STSweb exports, given as XML files or zips, into an
/// <see cref="ImportSnapshot"/>. All or nothing: one error anywhere and there is no snapshot.</summary>
/// <remarks>
/// The four SIECLE files (pupils, responsables, nomenclature, structures) go together; STSweb may
/// come with them or alone. Each file is streamed once, in its declared encoding; its records are
/// checked as they come (mandatory elements, duplicates), then the files are checked against each
/// other (<see cref="SnapshotAssembler"/>). Nothing here touches the directory.
/// </remarks>
public static class ImportReader
{
    /// <summary>Reads the exports.</summary>
    public static ReadResult Read(
        IEnumerable<ImportInput> inputs,
        ZipLimits? zipLimits = null,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var errors = new ImportErrors();
        using var catalog = SourceCatalog.Open(inputs, zipLimits ?? ZipLimits.Default, errors);
        var files = catalog.Files;
        var siecleKinds = new[] { SourceKind.Eleves, SourceKind.Responsables, SourceKind.Nomenclature, SourceKind.Structures };
        var siecleCount = siecleKinds.Count(files.ContainsKey);
        if (siecleCount is > 0 and < 4)
        {
            foreach (var missing in siecleKinds.Where(k => !files.ContainsKey(k)))
            {
                errors.Add(SourceKinds.ExpectedName(missing), "", null,
                    "fichier SIECLE manquant : ElevesSansAdresses (ou ElevesAvecAdresses), ResponsablesAvecAdresses, Nomenclature et Structures s'importent ensemble");
            }
        }
        else if (siecleCount == 0 && !files.ContainsKey(SourceKind.Sts) && errors.Count == 0)
        {
            errors.Add("", "", null, "aucun export SIECLE ou STSweb reconnu parmi les fichiers donnés");
        }

        if (errors.Count > 0)
        {
            return new ReadResult(null, errors.ToList(), errors.Warnings);
        }

        SiecleFiles? siecle = null;
        var readable = true;
        if (siecleCount == 4)
        {
            var eleves = SiecleElevesReader.Read(files[SourceKind.Eleves], errors, progress, cancellationToken);
            var responsables = SiecleResponsablesReader.Read(files[SourceKind.Responsables], errors, progress, cancellationToken);
            var nomenclature = SiecleNomenclatureReader.Read(files[SourceKind.Nomenclature], errors, progress, cancellationToken);
            var structures = SiecleStructuresReader.Read(files[SourceKind.Structures], errors, progress, cancellationToken);
            if (eleves is null || responsables is null || nomenclature is null || structures is null)
            {
                readable = false;
            }
            else
            {
                siecle = new SiecleFiles(eleves, responsables, nomenclature, structures);
            }
        }

        StsData? sts = null;
        if (files.TryGetValue(SourceKind.Sts, out var stsFile))
        {
            sts = StsReader.Read(stsFile, errors, progress, cancellationToken);
            readable &= sts is not null;
        }

        progress?.Report(new ImportProgress(ImportStage.Checking, "", 0, 0, "Vérification des fichiers entre eux"));
        var snapshot = readable ? SnapshotAssembler.Assemble(siecle, sts, errors) : null;
        return errors.Count > 0
            ? new ReadResult(null, errors.ToList(), errors.Warnings)
            : new ReadResult(snapshot, [], errors.Warnings);
    }

    /// <summary>Reads exports from files on disk (XML or zip).</summary>
    public static ReadResult ReadFiles(
        IEnumerable<string> paths,
        ZipLimits? zipLimits = null,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Read(paths.Select(ImportInput.FromFile), zipLimits, progress, cancellationToken);
}
