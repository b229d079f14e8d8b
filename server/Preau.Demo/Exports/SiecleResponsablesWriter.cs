using System.Globalization;
using System.Xml;
using Preau.Core.Accounts;

namespace Preau.Demo.Exports;

/// <summary>ResponsablesAvecAdresses.xml (root BEE_RESPONSABLES): the people with their civilité
/// and address, the links to the pupils (RESP_LEGAL and NIVEAU_RESPONSABILITE both written, as
/// recent SIECLE versions do), and the addresses, which the import never reads.</summary>
internal static class SiecleResponsablesWriter
{
    /// <summary>CODE_PARENTE: mère, père, autre lien.</summary>
    private const string Mother = "10";
    private const string Father = "20";
    private const string OtherTie = "90";

    private static readonly string[] Streets =
    [
        "rue des Écoles", "avenue Jean Moulin", "place de l'Église", "chemin des Pêcheurs", "rue du Cœur-Volant", "allée des Tilleuls",
    ];

    public static void Write(DemoFeeds feeds, Stream stream)
    {
        using var w = ExportXml.Create(stream, ExportXml.Latin9);
        w.WriteStartElement("BEE_RESPONSABLES");
        w.WriteAttributeString("VERSION", "3.7");
        feeds.WriteSiecleParametres(w);
        w.WriteStartElement("DONNEES");

        w.WriteStartElement("PERSONNES");
        foreach (var person in feeds.Responsables)
        {
            WritePerson(w, person);
        }

        w.WriteEndElement();

        var parente = feeds.Responsables.ToDictionary(r => r.ExternalId!, Parente, StringComparer.Ordinal);
        w.WriteStartElement("RESPONSABLES");
        foreach (var link in feeds.Links)
        {
            var legal = link.LegalLevel is 1 or 2;
            w.WriteStartElement("RESPONSABLE_ELEVE");
            ExportXml.Text(w, "ELEVE_ID", link.EleveId);
            ExportXml.Text(w, "PERSONNE_ID", link.PersonneId);
            ExportXml.Text(w, "RESP_LEGAL", legal ? link.LegalLevel.ToString(CultureInfo.InvariantCulture) : "0");
            ExportXml.Text(w, "NIVEAU_RESPONSABILITE", legal ? "1" : "2");
            ExportXml.Text(w, "CODE_PARENTE", parente[link.PersonneId]);
            ExportXml.Text(w, "RESP_FINANCIER", link.LegalLevel == 1 ? "1" : "0");
            ExportXml.Text(w, "PERS_PAIMENT", link.LegalLevel == 1 ? "1" : "0");
            ExportXml.Text(w, "PERS_CONTACT", "1");
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("ADRESSES");
        foreach (var person in feeds.Responsables)
        {
            WriteAddress(w, person);
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WritePerson(XmlWriter w, Account person)
    {
        w.WriteStartElement("PERSONNE");
        w.WriteAttributeString("PERSONNE_ID", person.ExternalId);
        ExportXml.Text(w, "NOM_DE_FAMILLE", person.LastName);
        ExportXml.Text(w, "NOM_USAGE", null);
        ExportXml.Text(w, "PRENOM", person.FirstName);
        ExportXml.Text(w, "LC_CIVILITE", Parente(person) == Mother ? "MME" : "M.");
        ExportXml.Text(w, "ACCEPTE_SMS", "0");
        ExportXml.Text(w, "ADRESSE_ID", AddressId(person));
        w.WriteEndElement();
    }

    /// <summary>A synthetic address in a town that does not exist (postcode 99999).</summary>
    private static void WriteAddress(XmlWriter w, Account person)
    {
        var hash = ExportXml.Hash(person.ExternalId!);
        w.WriteStartElement("ADRESSE");
        w.WriteAttributeString("ADRESSE_ID", AddressId(person));
        ExportXml.Text(w, "LIGNE1_ADRESSE", string.Create(CultureInfo.InvariantCulture, $"{1 + (hash % 120)} {Streets[hash / 120 % Streets.Length]}"));
        ExportXml.Text(w, "CODE_POSTAL", "99999");
        ExportXml.Text(w, "LIBELLE_POSTAL", "VILLE-SUR-DÉMO");
        ExportXml.Text(w, "CODE_PAYS", "100");
        w.WriteEndElement();
    }

    private static string AddressId(Account person) => "A-" + person.ExternalId;

    private static string Parente(Account person) =>
        DemoNames.Women.Contains(person.FirstName) ? Mother
        : DemoNames.Men.Contains(person.FirstName) ? Father
        : OtherTie;
}
