using Preau.Plugins.Directory.Reading;

namespace Preau.Plugins.Directory.Plugin;

/// <summary>One import asked for by the CLI or the API.</summary>
/// <param name="Inputs">The files (XML exports or zips).</param>
/// <param name="DryRun">Only show the plan.</param>
/// <param name="Confirm">Apply even when the plan asks for confirmation (many departures).</param>
/// <param name="CodesDirectory">Where the activation CSVs go; null: the default folder.</param>
/// <param name="Actor">Who imports, for the audit log.</param>
/// <param name="Expected">Which feeds must be in the files (SIECLE, STS), for the verb that names one.</param>
public sealed record ImportRequest(
    IReadOnlyList<ImportInput> Inputs,
    bool DryRun,
    bool Confirm,
    string? CodesDirectory,
    string Actor,
    Model.ImportScope Expected = Model.ImportScope.None);
