using Preau.Core.Accounts;

namespace Preau.Core.Rights;

/// <summary>Who a right is granted to.</summary>
/// <param name="Kind">Profile, function or account.</param>
/// <param name="Value">A <see cref="Profile"/> name ("Enseignant"), a <see cref="StaffFunction"/> name ("Cpe"),
/// or an account login. Built through <see cref="Parse"/> or the factories, the value is canonical
/// (enum names as declared, logins lower-case), so two grantees are equal when they name the same thing.</param>
public sealed record Grantee(GranteeKind Kind, string Value)
{
    /// <summary>Every account of a profile.</summary>
    public static Grantee ForProfile(Profile profile) => new(GranteeKind.Profile, profile.ToString());

    /// <summary>Every holder of a function.</summary>
    public static Grantee ForFunction(StaffFunction function) => new(GranteeKind.Function, function.ToString());

    /// <summary>One account.</summary>
    public static Grantee ForAccount(string login) => new(GranteeKind.Account, (login ?? "").Trim().ToLowerInvariant());

    /// <summary>Parses <c>profile:Enseignant</c>, <c>function:Cpe</c> or <c>account:prof.maths</c>
    /// (kinds and enum names case-insensitive; <c>fonction:</c> and <c>compte:</c>/<c>profil:</c> accepted too).</summary>
    /// <exception cref="RightsException">The text names no valid grantee; the message says why, in French.</exception>
    public static Grantee Parse(string text)
    {
        var colon = (text ?? "").IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text!.Length - 1)
        {
            throw new RightsException($"« {text} » ne désigne pas un bénéficiaire : écrivez profile:Enseignant, function:Cpe ou account:identifiant");
        }

        var kind = text[..colon].Trim().ToLowerInvariant();
        var value = text[(colon + 1)..].Trim();
        return kind switch
        {
            "profile" or "profil" => ForProfile(ParseEnum<Profile>(value, "profil")),
            "function" or "fonction" => ParseFunction(value),
            "account" or "compte" => ForAccount(value),
            _ => throw new RightsException($"« {kind} » n'est pas un type de bénéficiaire : profile, function ou account"),
        };
    }

    /// <summary>The French label shown in the matrix ("profil Enseignant", "fonction Cpe", "compte prof.maths").</summary>
    public string Label => Kind switch
    {
        GranteeKind.Profile => Enum.TryParse<Profile>(Value, out var p) ? RightsLabels.Of(p) : Value,
        GranteeKind.Function => Enum.TryParse<StaffFunction>(Value, out var f) ? RightsLabels.Of(f) : Value,
        _ => "compte " + Value,
    };

    /// <summary>Whether the grantee names this account.</summary>
    public bool Matches(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Kind switch
        {
            GranteeKind.Profile => string.Equals(Value, account.Profile.ToString(), StringComparison.Ordinal),
            GranteeKind.Function => account.Function != StaffFunction.None && string.Equals(Value, account.Function.ToString(), StringComparison.Ordinal),
            _ => string.Equals(Value, account.Login, StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>The text form, <c>kind:Value</c>, that <see cref="Parse"/> reads back.</summary>
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Value}";

    private static Grantee ParseFunction(string value)
    {
        var function = ParseEnum<StaffFunction>(value, "fonction");
        return function == StaffFunction.None
            ? throw new RightsException("« None » n'est pas une fonction : accordez le droit à un profil")
            : ForFunction(function);
    }

    private static T ParseEnum<T>(string value, string what)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var result) && Enum.IsDefined(result) && !value.Any(char.IsAsciiDigit)
            ? result
            : throw new RightsException($"{what} inconnu « {value} » (au choix : {string.Join(", ", Enum.GetNames<T>())})");
}
