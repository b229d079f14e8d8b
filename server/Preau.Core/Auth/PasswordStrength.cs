namespace Preau.Core.Auth;

/// <summary>The minimum a password chosen by a user must meet. Deliberately short: length is what
/// resists guessing (the login throttle does the rest), and composition rules only make pupils
/// write their password down.</summary>
public static class PasswordStrength
{
    /// <summary>Shortest password accepted.</summary>
    public const int MinLength = 8;

    /// <summary>Longest password accepted (the KDF's cost should not be the caller's to choose).</summary>
    public const int MaxLength = 256;

    /// <summary>Null when <paramref name="password"/> is acceptable for <paramref name="login"/>; otherwise
    /// why not, in French.</summary>
    public static string? Weakness(string password, string login)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < MinLength)
        {
            return $"Le mot de passe est trop court : au moins {MinLength} caractères.";
        }

        if (password.Length > MaxLength)
        {
            return $"Le mot de passe est trop long : au plus {MaxLength} caractères.";
        }

        if (string.IsNullOrWhiteSpace(password))
        {
            return "Le mot de passe ne peut pas être fait que d'espaces.";
        }

        if (string.Equals(password.Trim(), login?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "Le mot de passe ne doit pas être votre identifiant.";
        }

        return null;
    }
}
