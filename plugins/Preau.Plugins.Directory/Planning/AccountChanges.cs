namespace Preau.Plugins.Directory.Planning;

/// <summary>The account fields an import may change.</summary>
public enum AccountField
{
    /// <summary>Prénom.</summary>
    FirstName,

    /// <summary>Nom.</summary>
    LastName,

    /// <summary>Nom affiché.</summary>
    DisplayName,

    /// <summary>Profil (a member of staff who becomes a teacher).</summary>
    Kind,

    /// <summary>Fonction.</summary>
    Role,

    /// <summary>Identifiant national (an INE that arrives).</summary>
    ExternalId,

    /// <summary>État (left, or back).</summary>
    Status,
}

/// <summary>One field of an account that changes.</summary>
/// <param name="Field">Which field.</param>
/// <param name="Before">Its value now.</param>
/// <param name="After">Its value after the import.</param>
public sealed record FieldChange(AccountField Field, string? Before, string? After);

/// <summary>An existing account that the import changes (updated, left, or back).</summary>
/// <param name="Before">The account now.</param>
/// <param name="After">The account after the import: same id and login.</param>
/// <param name="Fields">What changes.</param>
public sealed record AccountChange(AccountRecord Before, AccountRecord After, IReadOnlyList<FieldChange> Fields);

/// <summary>An account the import creates, not yet activated.</summary>
/// <param name="Account">The account, with its id and login.</param>
/// <param name="ActivationCode">The code its owner activates it with (given once, in the CSV).</param>
public sealed record NewAccount(AccountRecord Account, string ActivationCode);
