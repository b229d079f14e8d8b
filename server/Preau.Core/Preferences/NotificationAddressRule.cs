using MimeKit;
using Preau.Core.Policy;

namespace Preau.Core.Preferences;

/// <summary>What may be a notification address: one plain address (no display name, no group, no
/// list) outside the school's domain, since notices exist to reach users where Préau is not read.</summary>
public static class NotificationAddressRule
{
    /// <summary>Longest address accepted (RFC 5321's path limit, less the brackets).</summary>
    public const int MaxLength = 254;

    /// <summary>Null when <paramref name="address"/> is acceptable; otherwise why not, in French.</summary>
    public static string? Problem(string address, string schoolDomain)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Length > MaxLength)
        {
            return $"L'adresse de notification est trop longue (au plus {MaxLength} caractères).";
        }

        if (SendingPolicy.SplitAddress(address) is not { } parts
            || !MailboxAddress.TryParse(ParserOptions.Default, address, out var parsed)
            || !string.IsNullOrEmpty(parsed.Name)
            || !string.Equals(parsed.Address, address, StringComparison.Ordinal)
            || !parts.Domain.Contains('.', StringComparison.Ordinal)
            || parts.Domain.StartsWith('.') || parts.Domain.EndsWith('.')
            || address.Any(c => c > 0x7e || char.IsControl(c)))
        {
            return $"« {address} » n'est pas une adresse électronique valide (exemple : prenom.nom@exemple.fr).";
        }

        if (string.Equals(parts.Domain, schoolDomain, StringComparison.OrdinalIgnoreCase))
        {
            return $"L'adresse de notification doit être extérieure à l'établissement (pas @{schoolDomain}) : vos messages arrivent déjà ici.";
        }

        return null;
    }
}
