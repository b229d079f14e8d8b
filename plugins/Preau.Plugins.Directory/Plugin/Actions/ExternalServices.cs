using System.Text.RegularExpressions;

namespace Preau.Plugins.Directory.Plugin.Actions;

/// <summary>An outside service whose identifier the ENT keeps per account.</summary>
/// <param name="Key">The JSON key (<c>pronote</c>).</param>
/// <param name="Label">French label shown on the card.</param>
/// <param name="MaxLength">Longest value.</param>
/// <param name="Pattern">What a value may hold.</param>
/// <param name="Allowed">The same, in French, for the error message.</param>
public sealed record ExternalService(string Key, string Label, int MaxLength, Regex Pattern, string Allowed);

/// <summary>The fixed catalogue of outside services (PRONOTE, ÉduConnect, GAR) and the checks of their
/// identifiers. The catalogue is part of the plugin: a new service is a new version.</summary>
public static partial class ExternalServices
{
    /// <summary>The services, in display order.</summary>
    public static IReadOnlyList<ExternalService> Catalogue { get; } =
    [
        new("pronote", "Identifiant PRONOTE", 64, Printable(), "des lettres, chiffres, espaces et signes imprimables"),
        new("educonnect", "Identifiant ÉduConnect", 64, Login(), "des lettres sans accent, chiffres, « . », « - », « _ » et « @ »"),
        new("gar", "Identifiant GAR (ressources numériques)", 128, Opaque(), "des lettres sans accent, chiffres, « . », « - », « _ » et « : »"),
    ];

    /// <summary>The service with this key (exact, lower-case), or null.</summary>
    public static ExternalService? Find(string key) => Catalogue.FirstOrDefault(s => s.Key == key);

    /// <summary>Checks a value for <paramref name="service"/>: null when acceptable, else why not (French).
    /// The value is given trimmed.</summary>
    public static string? Problem(ExternalService service, string value)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > service.MaxLength)
        {
            return $"{service.Label} : au plus {service.MaxLength} caractères (reçu {value.Length}).";
        }

        return service.Pattern.IsMatch(value) ? null : $"{service.Label} : seulement {service.Allowed}.";
    }

    [GeneratedRegex(@"^[^\p{C}]+$")]
    private static partial Regex Printable();

    [GeneratedRegex("^[A-Za-z0-9._@-]+$")]
    private static partial Regex Login();

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex Opaque();
}
