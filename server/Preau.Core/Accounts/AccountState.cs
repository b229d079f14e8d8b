namespace Preau.Core.Accounts;

/// <summary>Life cycle of an account, as ENTs show it.</summary>
public enum AccountState
{
    /// <summary>Created by an import, not yet activated: receives mail, cannot log in.</summary>
    NotActivated,

    /// <summary>Opérationnel: logs in, sends and receives.</summary>
    Active,

    /// <summary>Suspendu: cannot log in or send; mail to it is refused.</summary>
    Suspended,

    /// <summary>Left the feed (sorti): kept with its mail until purged, treated as suspended.</summary>
    Left,
}
