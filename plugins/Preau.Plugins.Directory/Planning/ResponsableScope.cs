namespace Preau.Plugins.Directory.Planning;

/// <summary>Which responsables get an account.</summary>
public enum ResponsableScope
{
    /// <summary>Responsables légaux only (RESP_LEGAL 1 or 2, NIVEAU_RESPONSABILITE 1).</summary>
    Legal,

    /// <summary>Responsables légaux and personnes en charge (NIVEAU_RESPONSABILITE 2): the default.</summary>
    LegalAndEnCharge,

    /// <summary>Everyone linked to a pupil, contacts included.</summary>
    All,
}
