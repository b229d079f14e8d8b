namespace Preau.Core.Rights;

/// <summary>What a grant names: every account of a profile, every holder of a staff function, or one account.</summary>
public enum GranteeKind
{
    /// <summary>Every account of a <see cref="Accounts.Profile"/> ("Enseignant").</summary>
    Profile,

    /// <summary>Every account with a <see cref="Accounts.StaffFunction"/> ("Cpe"), whatever its profile.</summary>
    Function,

    /// <summary>One account, by login.</summary>
    Account,
}
