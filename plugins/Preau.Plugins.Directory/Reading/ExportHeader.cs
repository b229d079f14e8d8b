using System.Text.RegularExpressions;

namespace Preau.Plugins.Directory.Reading;

/// <summary>The PARAMETRES of an export: which school, which year, when.</summary>
/// <param name="Uai">UAJ, upper case.</param>
/// <param name="Year">ANNEE_SCOLAIRE (the starting year).</param>
/// <param name="ExportDate">DATE_EXPORT (SIECLE only).</param>
/// <param name="File">The file it comes from.</param>
/// <param name="Line">The line of PARAMETRES.</param>
internal sealed partial record ExportHeader(string Uai, string Year, DateOnly? ExportDate, string File, int? Line)
{
    /// <summary>Checks the UAJ (7 digits and a letter) and the year (4 digits); null when either is wrong.</summary>
    public static ExportHeader? Make(RecordScope scope, string? uai, string? year, DateOnly? exportDate, string uaiPath, string yearPath)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var upper = uai?.ToUpperInvariant();
        if (upper is not null && !UaiPattern().IsMatch(upper))
        {
            scope.Error(null, uaiPath, $"UAJ « {uai} » invalide (7 chiffres et une lettre attendus)");
            upper = null;
        }

        if (year is not null && !YearPattern().IsMatch(year))
        {
            scope.Error(null, yearPath, $"année scolaire « {year} » invalide (4 chiffres attendus)");
            year = null;
        }

        return upper is null || year is null ? null : new ExportHeader(upper, year, exportDate, scope.File.Name, scope.Line);
    }

    [GeneratedRegex("^[0-9]{7}[A-Z]$")]
    private static partial Regex UaiPattern();

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex YearPattern();
}
