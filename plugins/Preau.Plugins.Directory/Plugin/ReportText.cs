namespace Preau.Plugins.Directory.Plugin;

/// <summary>An <see cref="ImportReport"/> as text for the terminal.</summary>
internal static class ReportText
{
    public static async Task WriteAsync(TextWriter output, ImportReport report)
    {
        var title = report.Outcome switch
        {
            "applied" => report.Applied ? "Import effectué." : "Import effectué : aucun changement.",
            "dry-run" => "Simulation (--dry-run) : rien n'a été modifié.",
            "confirmation-required" => "Confirmation nécessaire : rien n'a été modifié.",
            _ => "Import refusé : rien n'a été modifié.",
        };
        await output.WriteLineAsync(title);
        if (report.Details.Length > 0)
        {
            await output.WriteLineAsync(report.Details.TrimEnd());
        }
        else
        {
            await output.WriteLineAsync(report.Summary);
        }

        foreach (var error in report.Errors)
        {
            await output.WriteLineAsync($"ERREUR {error}");
        }

        foreach (var warning in report.Errors.Count > 0 ? report.Warnings : [])
        {
            await output.WriteLineAsync($"attention : {warning}");
        }

        foreach (var file in report.CodeFiles)
        {
            await output.WriteLineAsync($"codes d'activation : {file}");
        }
    }
}
