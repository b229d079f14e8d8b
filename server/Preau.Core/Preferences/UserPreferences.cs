namespace Preau.Core.Preferences;

/// <summary>What a user sets for themselves beside their account record: the signature added to the
/// messages they write in the webmail, and the language of the interface.</summary>
/// <param name="Signature">Plain text, possibly several lines; empty for none.</param>
/// <param name="Language"><see cref="French"/> or <see cref="English"/>.</param>
public sealed record UserPreferences(string Signature, string Language)
{
    /// <summary>French, the default.</summary>
    public const string French = "fr";

    /// <summary>English.</summary>
    public const string English = "en";

    /// <summary>No signature, French.</summary>
    public static UserPreferences Default { get; } = new("", French);
}
