namespace Preau.Core.Accounts;

/// <summary>The ENT profile of an account; the sending rules are written in terms of these.</summary>
public enum Profile
{
    /// <summary>A pupil.</summary>
    Eleve,

    /// <summary>A parent or legal guardian (responsable légal, en charge or contact).</summary>
    Responsable,

    /// <summary>A teacher.</summary>
    Enseignant,

    /// <summary>A member of staff; see <see cref="StaffFunction"/>.</summary>
    Personnel,

    /// <summary>The ENT administrator identity (the head teacher's second account, or a dedicated one).</summary>
    AdministrateurEnt,
}
