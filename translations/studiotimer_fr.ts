<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+51"/>
        <source>--data-dir needs a folder.</source>
        <translation>--data-dir demande un dossier.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--screenshots needs a folder.</source>
        <translation>--screenshots demande un dossier.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Unknown command &quot;%1&quot;. Try &quot;studiotimer help&quot;.</source>
        <translation>Commande inconnue « %1 ». Essayez « studiotimer help ».</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This studiotimer was built without its window: give it a command (studiotimer help).</source>
        <translation>Ce studiotimer a été compilé sans sa fenêtre : donnez-lui une commande (studiotimer help).</translation>
    </message>
</context>
<context>
    <name>st::AboutDialog</name>
    <message>
        <location filename="../ui/dialogs/AboutDialog.cpp" line="+36"/>
        <source>About Studio Timer</source>
        <translation>À propos de Studio Timer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h3&gt;Studio Timer %1&lt;/h3&gt;&lt;p&gt;Time tracking for recording studios.&lt;/p&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Studio Timer %1&lt;/h3&gt;&lt;p&gt;Le suivi du temps pour les studios d’enregistrement.&lt;/p&gt;&lt;p&gt;Logiciel libre sous licence MIT.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>studiotimer.org: news, help and reporting a problem</source>
        <translation>studiotimer.org : nouvelles, aide et signalement d’un problème</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>not syncing</source>
        <translation>pas de synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (hosted on this machine)</source>
        <translation>%1 (hébergé sur cette machine)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data folder: %1&lt;br&gt;Hub: %2</source>
        <translation>Dossier des données : %1&lt;br&gt;Hub : %2</translation>
    </message>
</context>
<context>
    <name>st::Away</name>
    <message>
        <location filename="../core/timer/AwayResolution.cpp" line="+28"/>
        <source>No timer is running.</source>
        <translation>Aucun chronomètre en cours.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The away time is empty.</source>
        <translation>Le temps d’absence est vide.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The timer had no time before you left: keep the away time or discard it.</source>
        <translation>Le chronomètre n’avait pas encore compté de temps à votre départ : gardez le temps d’absence ou écartez-le.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Away from %1 to %2: stopped when I left</source>
        <translation>Absent de %1 à %2 : arrêté à mon départ</translation>
    </message>
</context>
<context>
    <name>st::AwayDialog</name>
    <message>
        <location filename="../ui/AwayDialog.cpp" line="+29"/>
        <source>Were you away?</source>
        <translation>Étiez-vous absent ?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You were away %1–%2: keep the time, discard it, or stop at %1?</source>
        <translation>Vous étiez absent de %1 à %2 : garder ce temps, l’écarter, ou arrêter à %1 ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You were away %1–%2: keep the time or discard it?</source>
        <translation>Vous étiez absent de %1 à %2 : garder ce temps ou l’écarter ?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Keep the time</source>
        <translation>&amp;Garder ce temps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the away time in the entry</source>
        <translation>Garder le temps d’absence dans l’entrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard it</source>
        <translation>É&amp;carter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard the away time as a pause</source>
        <translation>Écarter le temps d’absence comme une pause</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stop at %1</source>
        <translation>&amp;Arrêter à %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the timer when you left</source>
        <translation>Arrêter le chronomètre à votre départ</translation>
    </message>
</context>
<context>
    <name>st::AwayWatcher</name>
    <message>
        <location filename="../ui/AwayWatcher.cpp" line="+82"/>
        <source>Studio Timer</source>
        <translation>Studio Timer</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Still running?</source>
        <translation>Toujours en cours ?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 has been running for %2.</source>
        <translation>%1 tourne depuis %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End of the working day</source>
        <translation>Fin de la journée de travail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is still running (%2).</source>
        <translation>%1 tourne encore (%2).</translation>
    </message>
</context>
<context>
    <name>st::Backend</name>
    <message>
        <location filename="../core/backend/Backend.cpp" line="+213"/>
        <location line="+11"/>
        <source>No timer is running.</source>
        <translation>Aucun chronomètre en cours.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Note edited while running</source>
        <translation>Note modifiée en cours de route</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Project changed while running</source>
        <translation>Projet changé en cours de route</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tags edited while running</source>
        <translation>Étiquettes modifiées en cours de route</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No such user.</source>
        <translation>Utilisateur inconnu.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>A currency is a three-letter ISO 4217 code such as EUR.</source>
        <translation>Une devise est un code ISO 4217 de trois lettres, comme EUR.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A user named &quot;%1&quot; exists already.</source>
        <translation>Un utilisateur nommé « %1 » existe déjà.</translation>
    </message>
</context>
<context>
    <name>st::BarChart</name>
    <message>
        <location filename="../ui/reports/BarChart.cpp" line="+35"/>
        <location line="+52"/>
        <source>Nothing recorded in this period.</source>
        <translation>Rien d’enregistré sur cette période.</translation>
    </message>
</context>
<context>
    <name>st::BusyIndicator</name>
    <message>
        <location filename="../ui/BusyIndicator.cpp" line="+17"/>
        <location line="+5"/>
        <location line="+5"/>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>A long report, export or import is under way; the timer buttons still answer at once.</source>
        <translation>Un long rapport, un export ou un import est en cours ; les boutons du chronomètre répondent toujours aussitôt.</translation>
    </message>
</context>
<context>
    <name>st::CatalogPage</name>
    <message>
        <location filename="../ui/projects/CatalogPage.cpp" line="+27"/>
        <source>A&amp;dd</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A&amp;pply</source>
        <translation>A&amp;ppliquer</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+78"/>
        <source>Archi&amp;ve</source>
        <translation>Arc&amp;hiver</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>%1 (archived)</source>
        <translation>%1 (archivé)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Res&amp;tore</source>
        <translation>&amp;Restaurer</translation>
    </message>
</context>
<context>
    <name>st::ChoiceButton</name>
    <message numerus="yes">
        <location filename="../ui/ChoiceButton.cpp" line="+64"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n choisi</numerusform>
            <numerusform>%n choisis</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>st::ClientsPage</name>
    <message>
        <location filename="../ui/projects/ClientsPage.cpp" line="+27"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client colour</source>
        <translation>Couleur du client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without a rate of its own, each project&apos;s rate applies, else the task type&apos;s.</source>
        <translation>Sans taux propre, le taux de chaque projet s’applique, sinon celui du type de tâche.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Co&amp;lour:</source>
        <translation>C&amp;ouleur :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hourly &amp;rate:</source>
        <translation>&amp;Taux horaire :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A project&apos;s own rate comes first, then its client&apos;s, then the task type&apos;s. Recorded entries keep their rate.</source>
        <translation>Le taux propre d’un projet passe d’abord, puis celui de son client, puis celui du type de tâche. Les entrées enregistrées gardent leur taux.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>New client %1</source>
        <translation>Nouveau client %1</translation>
    </message>
</context>
<context>
    <name>st::ColorButton</name>
    <message>
        <location filename="../ui/projects/CatalogFields.cpp" line="+16"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
</context>
<context>
    <name>st::CommandLine</name>
    <message>
        <location filename="../core/cli/CommandLine.cpp" line="+120"/>
        <source>No command given.</source>
        <translation>Aucune commande donnée.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;%1&quot; needs more arguments.</source>
        <translation>« %1 » demande d’autres arguments.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; does not take &quot;%2&quot;.</source>
        <translation>« %1 » n’accepte pas « %2 ».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--%1 is given more than once.</source>
        <translation>--%1 est donné plusieurs fois.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Commande inconnue « %1 ».</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Recorded %1: the running timer began later and keeps running.
</source>
        <translation>Entrée enregistrée : %1 ; le chronomètre en cours a commencé plus tard et continue.
</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>Stopped %1.
</source>
        <translation>Chronomètre arrêté : %1.
</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+30"/>
        <source>Started %1.
</source>
        <translation>Chronomètre démarré : %1.
</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Paused %1.
</source>
        <translation>Chronomètre en pause : %1.
</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+14"/>
        <source>Resumed %1.
</source>
        <translation>Chronomètre repris : %1.
</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No timer is running for %1.
</source>
        <translation>Aucun chronomètre en cours pour %1.
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 for %2: %3</source>
        <translation>%1 pour %2 : %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (paused)</source>
        <translation> (en pause)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;add&quot; needs --from and --to.</source>
        <translation>« add » demande --from et --to.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Added %1.
</source>
        <translation>Entrée ajoutée : %1.
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;adjust&quot; needs --reason: every adjustment says why.</source>
        <translation>« adjust » demande --reason : chaque correction dit pourquoi.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Adjusted %1.
</source>
        <translation>Entrée corrigée : %1.
</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Deleted %1. Undo with: studiotimer restore %2
</source>
        <translation>Entrée supprimée : %1. Pour annuler : studiotimer restore %2
</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Restored %1.
</source>
        <translation>Entrée rétablie : %1.
</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../core/cli/ReportCommands.cpp" line="+188"/>
        <source>Choose one of --json and --csv.</source>
        <translation>Choisissez --json ou --csv, pas les deux.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../core/cli/ReportCommands.cpp" line="-68"/>
        <location filename="../core/cli/TaskTypeCommands.cpp" line="+138"/>
        <location line="+54"/>
        <source>--from takes a day such as 2026-11-28, not &quot;%1&quot;.</source>
        <translation>--from attend un jour comme 2026-11-28, pas « %1 ».</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../core/cli/ReportCommands.cpp" line="-8"/>
        <location filename="../core/cli/TaskTypeCommands.cpp" line="+3"/>
        <source>--to takes a day such as 2026-11-28, not &quot;%1&quot;.</source>
        <translation>--to attend un jour comme 2026-11-28, pas « %1 ».</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../core/cli/InvoiceCommands.cpp" line="+43"/>
        <location filename="../core/cli/TaskTypeCommands.cpp" line="+3"/>
        <source>The range ends before it starts.</source>
        <translation>La période finit avant de commencer.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--limit takes a positive number.</source>
        <translation>--limit attend un nombre positif.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(not billable)</source>
        <translation>(non facturable)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(adjusted)</source>
        <translation>(corrigée)</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n entries, %1, %2 %3
</source>
        <translation>
            <numerusform>%n entrée, %1, %2 %3
</numerusform>
            <numerusform>%n entrées, %1, %2 %3
</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/cli/TaskTypeCommands.cpp" line="-132"/>
        <source>&quot;task-types&quot; does not take --%1.</source>
        <translation>« task-types » ne prend pas --%1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;task-types&quot; takes set or reprice, not &quot;%1&quot;.</source>
        <translation>« task-types » prend set ou reprice, pas « %1 ».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;task-types %1&quot; needs a task type.</source>
        <translation>« task-types %1 » demande un type de tâche.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;task-types set&quot; does not take --%1.</source>
        <translation>« task-types set » ne prend pas --%1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;task-types reprice&quot; does not take --%1.</source>
        <translation>« task-types reprice » ne prend pas --%1.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>  since %1</source>
        <translation>  depuis le %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  not billable</source>
        <translation>  non facturable</translation>
    </message>
    <message>
        <location filename="../core/cli/ProjectCommands.cpp" line="+68"/>
        <source>&quot;%1 add&quot; takes one name (quote a name with spaces).</source>
        <translation>« %1 add » prend un seul nom (mettez entre guillemets un nom avec des espaces).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; takes add or list, not &quot;%2&quot;.</source>
        <translation>« %1 » prend add ou list, pas « %2 ».</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../core/cli/RosterCommands.cpp" line="+66"/>
        <source>&quot;%1 %2&quot; does not take --%3.</source>
        <translation>« %1 %2 » ne prend pas --%3.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Added client %1.
</source>
        <translation>Client %1 ajouté.
</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--budget-hours takes a number of hours such as 40 or 12.5, not &quot;%1&quot;.</source>
        <translation>--budget-hours prend un nombre d’heures comme 40 ou 12.5, pas « %1 ».</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Added project %1.
</source>
        <translation>Projet %1 ajouté.
</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No clients yet. Add one with: studiotimer clients add NAME
</source>
        <translation>Aucun client pour l’instant. Ajoutez-en un avec : studiotimer clients add NOM
</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+66"/>
        <location filename="../core/cli/TaskTypeCommands.cpp" line="+2"/>
        <source>  archived</source>
        <translation>  archivé</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>  %1 of %2 h</source>
        <translation>  %1 sur %2 h</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  %1 of %2 %3</source>
        <translation>  %1 sur %2 %3</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No client</source>
        <translation>Aucun client</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  %1 used</source>
        <translation>  %1 utilisées</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No projects yet. Add one with: studiotimer projects add NAME
</source>
        <translation>Aucun projet pour l’instant. Ajoutez-en un avec : studiotimer projects add NOM
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The project &quot;%1&quot; is archived.</source>
        <translation>Le projet « %1 » est archivé.</translation>
    </message>
    <message>
        <location filename="../core/cli/TaskTypeCommands.cpp" line="+11"/>
        <source>&quot;task-types set&quot; needs something to change, such as --rate.</source>
        <translation>« task-types set » demande quelque chose à changer, comme --rate.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--from says when a new --rate takes effect: give --rate too.</source>
        <translation>--from dit quand un nouveau --rate prend effet : donnez aussi --rate.</translation>
    </message>
    <message>
        <location filename="../core/cli/ProjectCommands.cpp" line="-194"/>
        <source>--rate takes an amount per hour such as 95 or 95.50 (at most %1), not &quot;%2&quot;.</source>
        <translation>--rate attend un montant par heure comme 95 ou 95.50 (au plus %1), pas « %2 ».</translation>
    </message>
    <message>
        <location filename="../core/cli/TaskTypeCommands.cpp" line="+22"/>
        <source>--%1 takes yes or no, not &quot;%2&quot;.</source>
        <translation>--%1 attend yes ou no, pas « %2 ».</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1: %2 %3/h from %4; entries already recorded keep their rates.
</source>
        <translation>%1 : %2 %3/h à partir du %4 ; les entrées déjà enregistrées gardent leur tarif.
</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;task-types reprice&quot; needs --from and --to.</source>
        <translation>« task-types reprice » demande --from et --to.</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%1, %2 to %3: %n entries at other rates, %4 %5 → %6 %5.
</source>
        <translation>
            <numerusform>%1, du %2 au %3 : %n entrée à un autre tarif, %4 %5 → %6 %5.
</numerusform>
            <numerusform>%1, du %2 au %3 : %n entrées à d’autres tarifs, %4 %5 → %6 %5.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Repriced %n entries (audited).
</source>
        <translation>
            <numerusform>%n entrée retarifée (auditée).
</numerusform>
            <numerusform>%n entrées retarifées (auditées).
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing changed: run again with --yes to reprice them.
</source>
        <translation>Rien n’a changé : relancez avec --yes pour les retarifer.
</translation>
    </message>
    <message>
        <location filename="../core/cli/CommandLine.cpp" line="+32"/>
        <source>No user is set for this desk: give --user NAME.</source>
        <translation>Aucun utilisateur n’est défini pour ce poste : indiquez --user NOM.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>--%1 takes a time such as 2026-11-28T09:30 or 09:30, not &quot;%2&quot;.</source>
        <translation>--%1 attend une heure comme 2026-11-28T09:30 ou 09:30, pas « %2 ».</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2–%3 (%4)</source>
        <translation>%1 %2–%3 (%4)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> for %1</source>
        <translation> pour %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> in %1</source>
        <translation> dans %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>studiotimer: %1
</source>
        <translation>studiotimer: %1
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>studiotimer: %1
Try &quot;studiotimer help&quot;.
</source>
        <translation>studiotimer: %1
Essayez « studiotimer help ».
</translation>
    </message>
    <message>
        <location filename="../core/cli/ReportCommands.cpp" line="+11"/>
        <source>--from %1 is after --to %2.</source>
        <translation>--from %1 est après --to %2.</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>%1 to %2, by %3
</source>
        <translation>Du %1 au %2, par %3
</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+13"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message numerus="yes">
        <location line="-5"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/cli/InvoiceCommands.cpp" line="-13"/>
        <source>&quot;invoice&quot; needs --client, --from, --to and -o FILE.pdf.</source>
        <translation>« invoice » demande --client, --from, --to et -o FICHIER.pdf.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location filename="../core/cli/ReportCommands.cpp" line="+31"/>
        <source>-o takes a file name.</source>
        <translation>-o attend un nom de fichier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--number takes an invoice number such as 42 or 2026-007.</source>
        <translation>--number prend un numéro de facture comme 42 ou 2026-007.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This program cannot draw invoices.</source>
        <translation>Ce programme ne sait pas dessiner de factures.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wrote invoice %1 for %2, %3 %4, to %5.
</source>
        <translation>Facture %1 pour %2, %3 %4, écrite dans %5.
</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Only &quot;settings list&quot; takes --json.</source>
        <translation>Seul « settings list » prend --json.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;settings&quot; takes list, get KEY or set KEY VALUE.</source>
        <translation>« settings » prend list, get CLÉ ou set CLÉ VALEUR.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No setting &quot;%1&quot;. Settings: %2.</source>
        <translation>Aucun réglage « %1 ». Réglages : %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A setting is at most 500 characters.</source>
        <translation>Un réglage fait au plus 500 caractères.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 set.
</source>
        <translation>%1 réglé.
</translation>
    </message>
    <message>
        <location filename="../core/cli/ReportCommands.cpp" line="+5"/>
        <location line="+64"/>
        <source>--format takes csv, json or toggl-csv, not &quot;%1&quot;.</source>
        <translation>--format attend csv, json ou toggl-csv, pas « %1 ».</translation>
    </message>
    <message>
        <location filename="../core/cli/InvoiceCommands.cpp" line="-90"/>
        <location filename="../core/cli/ReportCommands.cpp" line="-49"/>
        <source>--%1 takes a day such as 2026-11-28, not &quot;%2&quot;.</source>
        <translation>--%1 attend un jour comme 2026-11-28, pas « %2 ».</translation>
    </message>
    <message>
        <location filename="../core/cli/ReportCommands.cpp" line="-103"/>
        <source>&quot;report&quot; needs --by task, user, room, day, week, month, client, project or tag.</source>
        <translation>« report » demande --by task, user, room, day, week, month, client, project ou tag.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--by takes task, user, room, day, week, month, client, project or tag, not &quot;%1&quot;.</source>
        <translation>--by prend task, user, room, day, week, month, client, project ou tag, pas « %1 ».</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>Each entry rounded to %n minute(s) (%1).
</source>
        <translation>
            <numerusform>Chaque entrée arrondie à %n minute (%1).
</numerusform>
            <numerusform>Chaque entrée arrondie à %n minutes (%1).
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Billable entries only.
</source>
        <translation>Entrées facturables seulement.
</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Billable %1, not billable %2
</source>
        <translation>Facturable %1, non facturable %2
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An entry with several tags counts under each of them.
</source>
        <translation>Une entrée à plusieurs étiquettes compte sous chacune d’elles.
</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--rounding takes 1, 5, 6, 10, 15 or 30 minutes, optionally with :up, :nearest or :down (15 alone rounds up), or none; not &quot;%1&quot;.</source>
        <translation>--rounding prend 1, 5, 6, 10, 15 ou 30 minutes, éventuellement suivies de :up, :nearest ou :down (15 seul arrondit au-dessus), ou none ; pas « %1 ».</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>--from is after --to.</source>
        <translation>--from est après --to.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+9"/>
        <location line="+4"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Exporting to %1: %2%</source>
        <translation>Export vers %1 : %2 %</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Exported %n entries to %1 (%2).
</source>
        <translation>
            <numerusform>%n entrée exportée vers %1 (%2).
</numerusform>
            <numerusform>%n entrées exportées vers %1 (%2).
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is larger than 256 MB.</source>
        <translation>%1 dépasse 256 Mo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot tell the format of %1: give --format csv, json or toggl-csv.</source>
        <translation>Format de %1 inconnu : indiquez --format csv, json ou toggl-csv.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Checking %1: %2%</source>
        <translation>Vérification de %1 : %2 %</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>studiotimer: %1 cannot be imported:
</source>
        <translation>studiotimer: %1 ne peut pas être importé :
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dry run: nothing was changed.
</source>
        <translation>Essai à blanc : rien n’a été modifié.
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importing %1: %2%</source>
        <translation>Import de %1 : %2 %</translation>
    </message>
    <message>
        <location filename="../core/cli/ForwardedCommand.cpp" line="+61"/>
        <source>studiotimer: Sync is off: join a hub first.
</source>
        <translation>studiotimer : la synchronisation est désactivée : rejoignez d’abord un hub.
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The desktop app is synced with the hub.
</source>
        <translation>L’application de bureau est synchronisée avec le hub.
</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>studiotimer: The desktop app cannot reach the hub within 10 s (%1); %n change(s) still wait.
</source>
        <translation>
            <numerusform>studiotimer : l’application de bureau ne joint pas le hub en 10 s (%1) ; %n modification attend encore.
</numerusform>
            <numerusform>studiotimer : l’application de bureau ne joint pas le hub en 10 s (%1) ; %n modifications attendent encore.
</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/cli/HistoryCommand.cpp" line="+18"/>
        <source>adjusted</source>
        <translation>ajustée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleted</source>
        <translation>supprimée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>restored</source>
        <translation>rétablie</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>History of %1:
</source>
        <translation>Historique de %1 :
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  no changes recorded.
</source>
        <translation>  aucune modification enregistrée.
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  %1  %2 %3: %4
</source>
        <translation>  %1  %2 %3 : %4
</translation>
    </message>
    <message>
        <location filename="../core/cli/SyncCommands.cpp" line="+112"/>
        <source>&quot;sync&quot; takes join, status, now, conflicts or off, not &quot;%1&quot;.</source>
        <translation>« sync » attend join, status, now, conflicts ou off, pas « %1 ».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;sync join&quot; needs the hub&apos;s URL.</source>
        <translation>« sync join » demande l’URL du hub.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;sync %1&quot; takes no other argument.</source>
        <translation>« sync %1 » n’accepte pas d’autre argument.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--token, --token-file and --fingerprint belong to &quot;sync join&quot;.</source>
        <translation>--token, --token-file et --fingerprint vont avec « sync join ».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;sync %1&quot; has no --json.</source>
        <translation>« sync %1 » n’a pas de --json.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The desktop app is running on this data folder: change sync in its Settings → Sync, or quit it first.</source>
        <translation>L’application de bureau tourne sur ce dossier de données : modifiez la synchronisation dans ses Réglages → Synchronisation, ou quittez-la d’abord.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;sync join&quot; needs one of --token TOKEN and --token-file FILE.</source>
        <translation>« sync join » demande --token JETON ou --token-file FICHIER.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--fingerprint pins a certificate: it needs a wss:// URL.</source>
        <translation>--fingerprint épingle un certificat : il demande une URL wss://.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No keychain answers on this machine (%1). Put the token in a file only you can read and join with --token-file FILE.</source>
        <translation>Aucun trousseau ne répond sur cette machine (%1). Placez le jeton dans un fichier que vous seul pouvez lire et rejoignez avec --token-file FICHIER.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>studiotimer: warning: %1 is plain text: the token and every entry cross the network readable. Use wss:// unless this network is yours alone.
</source>
        <translation>studiotimer : attention : %1 est en clair : le jeton et chaque entrée traversent le réseau lisibles. Utilisez wss:// sauf si ce réseau n’est qu’à vous.
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Joined the hub at %1. &quot;studiotimer sync now&quot; syncs (the desktop app syncs by itself while it runs).
</source>
        <translation>Hub %1 rejoint. « studiotimer sync now » synchronise (l’application de bureau synchronise d’elle-même quand elle tourne).
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Joined the hubs at %1, tried in this order. &quot;studiotimer sync now&quot; syncs (the desktop app syncs by itself while it runs).
</source>
        <translation>Hubs rejoints : %1, essayés dans cet ordre. « studiotimer sync now » synchronise (l’application de bureau synchronise d’elle-même tant qu’elle tourne).
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sync is off: changes stay on this machine.
</source>
        <translation>Synchronisation désactivée : les modifications restent sur cette machine.
</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Sync is off.
</source>
        <translation>La synchronisation est désactivée.
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This machine runs the hub (port %1) for %2.
</source>
        <translation>Cette machine fait tourner le hub (port %1) pour %2.
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Joined the hub at %1 for %2%3.
</source>
        <translation>Hub %1 rejoint pour %2%3.
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (plain text, insecure)</source>
        <translation> (en clair, non sécurisé)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hubs of this database, tried in turn: %1.
</source>
        <translation>Hubs de cette base de données, essayés tour à tour : %1.
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The desktop app&apos;s connection: %1.
</source>
        <translation>Connexion de l’application de bureau : %1.
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The desktop app&apos;s connection: %1 (%2).
</source>
        <translation>Connexion de l’application de bureau : %1 (%2).
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The desktop app is not running: &quot;studiotimer sync now&quot; syncs.
</source>
        <translation>L’application de bureau ne tourne pas : « studiotimer sync now » synchronise.
</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n change(s) waiting to be sent.
</source>
        <translation>
            <numerusform>%n modification en attente d’envoi.
</numerusform>
            <numerusform>%n modifications en attente d’envoi.
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last synced %1.
</source>
        <translation>Dernière synchronisation : %1.
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Never synced.
</source>
        <translation>Jamais synchronisé.
</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n conflict(s): &quot;studiotimer sync conflicts&quot; lists them.
</source>
        <translation>
            <numerusform>%n conflit : « studiotimer sync conflicts » le montre.
</numerusform>
            <numerusform>%n conflits : « studiotimer sync conflicts » les liste.
</numerusform>
        </translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+30"/>
        <source>No conflicts: the hub took every change.
</source>
        <translation>Aucun conflit : le hub a accepté chaque modification.
</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sync is off: join a hub first (&quot;studiotimer sync join&quot;).</source>
        <translation>La synchronisation est désactivée : rejoignez d’abord un hub (« studiotimer sync join »).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The desktop app syncs this data folder by itself.</source>
        <translation>L’application de bureau synchronise ce dossier de données d’elle-même.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This machine runs the hub: start the desktop app, which syncs as it runs it.</source>
        <translation>Cette machine fait tourner le hub : lancez l’application de bureau, qui synchronise en le faisant tourner.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No token for this hub in the keychain (%1): join again with &quot;studiotimer sync join&quot;.</source>
        <translation>Aucun jeton pour ce hub dans le trousseau (%1) : rejoignez-le de nouveau avec « studiotimer sync join ».</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot reach the hub at %1 within 10 s: %2</source>
        <translation>Impossible de joindre le hub %1 en 10 s : %2</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>The connection to the hub dropped (%1); %n change(s) still wait.</source>
        <translation>
            <numerusform>La connexion au hub est tombée (%1) ; %n modification attend encore.</numerusform>
            <numerusform>La connexion au hub est tombée (%1) ; %n modifications attendent encore.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Synced with %1: everything is sent and received.
</source>
        <translation>Synchronisé avec %1 : tout est envoyé et reçu.
</translation>
    </message>
    <message>
        <location filename="../core/cli/BackupCommands.cpp" line="+70"/>
        <source>&quot;restore FILE&quot; takes no option nor other argument.</source>
        <translation>« restore FICHIER » ne prend ni option ni autre argument.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restored %1 in place of %2.
</source>
        <translation>%1 restauré à la place de %2.
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database it replaced is kept as %1.
</source>
        <translation>La base de données remplacée est gardée sous %1.
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The Studio Timer app is running on this data folder and holds its database: quit it, then restore %1 again. Nothing was changed.</source>
        <translation>L’application Studio Timer tourne sur ce dossier de données et tient sa base de données : quittez-la, puis relancez la restauration de %1. Rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database is open: restore %1 with &quot;studiotimer restore FILE&quot; while nothing else uses it. Nothing was changed.</source>
        <translation>La base de données est ouverte : restaurez %1 avec « studiotimer restore FICHIER » pendant que rien d’autre ne l’utilise. Rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../core/cli/LockCommands.cpp" line="+27"/>
        <source>--user goes with --until: who locks the period.</source>
        <translation>--user va avec --until : qui verrouille la période.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;lock --until&quot; does not take --json.</source>
        <translation>« lock --until » ne prend pas --json.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--until takes a day such as 2026-11-28, not &quot;%1&quot;.</source>
        <translation>--until prend un jour tel que 2026-11-28, pas « %1 ».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Locked the period up to %1: entries on or before that day cannot be added, changed or deleted.
</source>
        <translation>Période verrouillée jusqu’au %1 : les entrées de ce jour ou avant ne peuvent plus être ajoutées, modifiées ni supprimées.
</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unlocked: entries up to %1 can be changed again.
</source>
        <translation>Déverrouillé : les entrées jusqu’au %1 peuvent de nouveau être modifiées.
</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No period is locked.
</source>
        <translation>Aucune période n’est verrouillée.
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Locked up to %1.
</source>
        <translation>Verrouillé jusqu’au %1.
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>By %1 on %2, %3.
</source>
        <translation>Par %1 sur %2, %3.
</translation>
    </message>
    <message>
        <location filename="../core/cli/RosterCommands.cpp" line="-8"/>
        <source>&quot;%1&quot; takes list, rename, archive, unarchive or merge, not &quot;%2&quot;.</source>
        <translation>« %1 » accepte list, rename, archive, unarchive ou merge, pas « %2 ».</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>&quot;%1 %2&quot; takes %n name(s) (quote a name with spaces).</source>
        <translation>
            <numerusform>« %1 %2 » accepte %n nom (mettez entre guillemets un nom avec des espaces).</numerusform>
            <numerusform>« %1 %2 » accepte %n noms (mettez entre guillemets un nom avec des espaces).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Renamed &quot;%1&quot; to &quot;%2&quot;.</source>
        <translation>« %1 » renommé en « %2 ».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archived &quot;%1&quot;: hidden from pickers, kept on its entries and in reports.</source>
        <translation>« %1 » archivé : masqué dans les listes de choix, conservé sur ses entrées et dans les rapports.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is back in the pickers.</source>
        <translation>« %1 » est de retour dans les listes de choix.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Merged &quot;%1&quot; into &quot;%2&quot;: %n entry(s) moved.</source>
        <translation>
            <numerusform>« %1 » fusionné dans « %2 » : %n entrée déplacée.</numerusform>
            <numerusform>« %1 » fusionné dans « %2 » : %n entrées déplacées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 (archived)</source>
        <translation>%1 (archivé)</translation>
    </message>
    <message>
        <location filename="../core/cli/Usage.cpp" line="+8"/>
        <source>Usage: studiotimer [--data-dir DIR] [COMMAND ...]
Without a command, opens the desktop app.

Commands:
  start TASK [--room ROOM] [--note TEXT] [--user NAME] [--project NAME] [--tag WORD]...
                                                         start (or switch) a timer
  stop | pause | resume                                  the running timer
  continue                                               the last entry again
  status [--json]                                        what runs now
  add TASK --from WHEN --to WHEN [--room ROOM] [--note TEXT] [--project NAME] [--tag WORD]... [--non-billable]
  adjust ENTRY_ID [--from WHEN] [--to WHEN] [--task TASK] [--note TEXT] --reason TEXT
  delete ENTRY_ID [--reason TEXT]      restore ENTRY_ID
  backup [FILE]                        a checked copy of the database
  restore FILE                         put a backup back (the app closed)
  history ENTRY_ID [--json]            the entry&apos;s audit trail
  list [--from DAY] [--to DAY] [--task TASK] [--user NAME] [--room ROOM] [--tag WORD]... [--text TEXT] [--json | --csv]
  task-types [--json]
  task-types set TASK [--rate AMOUNT] [--from DAY] [--name NEW] [--color #RRGGBB] [--billable yes|no] [--archived yes|no]
  task-types reprice TASK --from DAY --to DAY [--yes]
  clients add NAME [--rate AMOUNT]     clients list [--json]
  projects add NAME [--client NAME] [--rate AMOUNT] [--budget-hours H]
  projects list [--json]
  report [--from DAY] [--to DAY] --by task|user|room|day|week|month|client|project|tag [--tag WORD]... [--rounding MIN[:up|nearest|down]] [--billable-only] [--json | --csv]
  invoice --client NAME [--project NAME] --from DAY --to DAY [--rounding MIN[:MODE]] [--billable-only] [--number N] -o FILE.pdf
  lock --until DAY                     close the period: entries on or before DAY cannot be added, changed or deleted
  lock [--json]                        what is locked, and by whom     unlock
  rooms list [--json] [--archived]     rooms rename OLD NEW
  rooms archive NAME | rooms unarchive NAME | rooms merge FROM INTO
  people ...                           the same for people
  settings list [--json] | settings get KEY | settings set KEY VALUE   (studio.name, studio.address, studio.taxNumber)
  export [--from DAY] [--to DAY] [--format csv|json|toggl-csv] [-o FILE] [--progress]
  import FILE [--format csv|json|toggl-csv] [--task TASK] [--dry-run] [--progress]
  sync join URL[,URL...] (--token TOKEN | --token-file FILE) [--fingerprint SHA256]
  sync status [--json] | sync now | sync conflicts [--json] | sync off

TASK and ROOM are names (any case) or IDs. WHEN is 2026-11-28T09:30 (an offset such as +01:00 may follow) or a time today, 09:30. DAY is 2026-11-28, today or yesterday; ranges are whole local days, both ends included. URL is wss://HOST:PORT (ws:// for plain text). restore takes a FILE when its argument is an existing file, has a / or ends in .sqlite; otherwise an ENTRY_ID.
</source>
        <translation>Utilisation : studiotimer [--data-dir DOSSIER] [COMMANDE ...]
Sans commande, ouvre l’application de bureau.

Commandes :
  start TÂCHE [--room SALLE] [--note TEXTE] [--user NOM] [--project NOM] [--tag MOT]...
                                                         démarrer (ou changer de) chronomètre
  stop | pause | resume                                  le chronomètre en cours
  continue                                               la dernière entrée, à nouveau
  status [--json]                                        ce qui tourne maintenant
  add TÂCHE --from QUAND --to QUAND [--room SALLE] [--note TEXTE] [--project NOM] [--tag MOT]... [--non-billable]
  adjust ID_ENTRÉE [--from QUAND] [--to QUAND] [--task TÂCHE] [--note TEXTE] --reason TEXTE
  delete ID_ENTRÉE [--reason TEXTE]      restore ID_ENTRÉE
  backup [FICHIER]                       une copie vérifiée de la base de données
  restore FICHIER                        remettre une sauvegarde en place (l’application fermée)
  history ID_ENTRÉE [--json]             l’historique des modifications de l’entrée
  list [--from JOUR] [--to JOUR] [--task TÂCHE] [--user NOM] [--room SALLE] [--tag MOT]... [--text TEXTE] [--json | --csv]
  task-types [--json]
  task-types set TÂCHE [--rate MONTANT] [--from JOUR] [--name NOUVEAU] [--color #RRGGBB] [--billable yes|no] [--archived yes|no]
  task-types reprice TÂCHE --from JOUR --to JOUR [--yes]
  clients add NOM [--rate MONTANT]     clients list [--json]
  projects add NOM [--client NOM] [--rate MONTANT] [--budget-hours H]
  projects list [--json]
  report [--from JOUR] [--to JOUR] --by task|user|room|day|week|month|client|project|tag [--tag MOT]... [--rounding MIN[:up|nearest|down]] [--billable-only] [--json | --csv]
  invoice --client NOM [--project NOM] --from JOUR --to JOUR [--rounding MIN[:MODE]] [--billable-only] [--number N] -o FICHIER.pdf
  lock --until JOUR                    clôt la période : les entrées de JOUR ou avant ne peuvent plus être ajoutées, modifiées ni supprimées
  lock [--json]                        ce qui est verrouillé, et par qui     unlock
  rooms list [--json] [--archived]     rooms rename ANCIEN NOUVEAU
  rooms archive NOM | rooms unarchive NOM | rooms merge DE VERS
  people ...                           de même pour les personnes
  settings list [--json] | settings get CLÉ | settings set CLÉ VALEUR   (studio.name, studio.address, studio.taxNumber)
  export [--from JOUR] [--to JOUR] [--format csv|json|toggl-csv] [-o FICHIER] [--progress]
  import FICHIER [--format csv|json|toggl-csv] [--task TÂCHE] [--dry-run] [--progress]
  sync join URL[,URL...] (--token JETON | --token-file FICHIER) [--fingerprint SHA256]
  sync status [--json] | sync now | sync conflicts [--json] | sync off

TÂCHE et SALLE sont des noms (casse indifférente) ou des identifiants. QUAND s’écrit 2026-11-28T09:30 (un décalage comme +01:00 peut suivre) ou une heure du jour, 09:30. JOUR s’écrit 2026-11-28, today ou yesterday ; les périodes sont des jours locaux entiers, bornes comprises. URL s’écrit wss://HÔTE:PORT (ws:// pour du texte en clair). restore prend un FICHIER quand son argument est un fichier existant, contient un / ou se termine par .sqlite ; sinon un ID_ENTRÉE.
</translation>
    </message>
</context>
<context>
    <name>st::ConflictsDialog</name>
    <message>
        <location filename="../ui/sync/ConflictsDialog.cpp" line="+23"/>
        <source>Start a timer</source>
        <translation>Démarrer un chronomètre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop a timer</source>
        <translation>Arrêter un chronomètre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause a timer</source>
        <translation>Suspendre un chronomètre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume a timer</source>
        <translation>Reprendre un chronomètre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change an entry</source>
        <translation>Modifier une entrée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change a task type</source>
        <translation>Modifier un type de tâche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change a room</source>
        <translation>Modifier une salle</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+2"/>
        <source>start %1</source>
        <translation>début %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>end %1</source>
        <translation>fin %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+2"/>
        <source>note &quot;%1&quot;</source>
        <translation>note « %1 »</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>task or room changed</source>
        <translation>tâche ou salle modifiée</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <source>deleted</source>
        <translation>supprimée</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>restored</source>
        <translation>rétablie</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 by %2 at %3</source>
        <translation>%1 par %2 sur %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+24"/>
        <source>Refused changes</source>
        <translation>Modifications refusées</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>The hub refused these changes made on this machine. Each entry was set back to what the hub has.</source>
        <translation>Le hub a refusé ces modifications faites sur cette machine. Chaque entrée a été remise comme le hub la connaît.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was refused. When the hub refuses a change made on this machine, it is listed here with the hub&apos;s reason.</source>
        <translation>Rien n’a été refusé. Quand le hub refuse une modification faite sur cette machine, elle apparaît ici avec la raison donnée par le hub.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yours</source>
        <translation>La vôtre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Theirs (kept)</source>
        <translation>Celle du hub (gardée)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Re-apply mine</source>
        <translation>&amp;Réappliquer la mienne</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Re-apply mine</source>
        <translation>Réappliquer la mienne</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Make the selected change again on the entry as it is now</source>
        <translation>Refaire la modification choisie sur l’entrée telle qu’elle est maintenant</translation>
    </message>
</context>
<context>
    <name>st::Continue</name>
    <message>
        <location filename="../core/timer/ContinueLast.cpp" line="+26"/>
        <source>A timer is already running.</source>
        <translation>Un chronomètre tourne déjà.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no entry to continue yet.</source>
        <translation>Il n’y a pas encore d’entrée à reprendre.</translation>
    </message>
</context>
<context>
    <name>st::Database</name>
    <message>
        <location filename="../core/store/Backup.cpp" line="+95"/>
        <location filename="../core/store/Database.cpp" line="+80"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/store/Database.cpp" line="+6"/>
        <source>%1 is not a Studio Timer database (it is not SQLite). It was left untouched.</source>
        <translation>%1 n’est pas une base Studio Timer (ce n’est pas du SQLite). Il n’a pas été modifié.</translation>
    </message>
    <message>
        <location filename="../core/store/DataLocation.cpp" line="+53"/>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot create %1: %2</source>
        <translation>Impossible de créer %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/store/Database.cpp" line="+68"/>
        <location filename="../core/store/DatabasePostgres.cpp" line="+62"/>
        <location line="+34"/>
        <location line="+12"/>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d’ouvrir %1 : %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 is read-only for you: it can be read, but nothing can be changed. Make the file and its folder writable to change it.</source>
        <translation>%1 est en lecture seule pour vous : on peut le lire, mais rien ne peut y être modifié. Rendez le fichier et son dossier accessibles en écriture pour le modifier.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is read-only and has schema %2, this version needs %3: open it once where it can be written, or with the matching version of Studio Timer.</source>
        <translation>%1 est en lecture seule et a le schéma %2, cette version a besoin du %3 : ouvrez-le une fois là où il peut être écrit, ou avec la version de Studio Timer qui lui correspond.</translation>
    </message>
    <message>
        <location line="+62"/>
        <location filename="../core/store/DatabasePostgres.cpp" line="+51"/>
        <source>The change clashes with another change saved at the same moment; nothing was changed. Try again.</source>
        <translation>La modification se heurte à une autre enregistrée au même moment ; rien n’a été modifié. Réessayez.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The data is busy: another Studio Timer kept it locked; nothing was changed. Try again.</source>
        <translation>Les données sont occupées : un autre Studio Timer les a gardées verrouillées ; rien n’a été modifié. Réessayez.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The database refused a change: %1</source>
        <translation>La base a refusé une modification : %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The database could not be read: %1</source>
        <translation>Impossible de lire la base : %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is damaged or is not a Studio Timer database (%2). It was left untouched.</source>
        <translation>%1 est endommagé ou n’est pas une base Studio Timer (%2). Il n’a pas été modifié.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is another program&apos;s SQLite database, not Studio Timer&apos;s. It was left untouched.</source>
        <translation>%1 est la base SQLite d’un autre programme, pas celle de Studio Timer. Il n’a pas été modifié.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is damaged (%2). It was left untouched.</source>
        <translation>%1 est endommagé (%2). Il n’a pas été modifié.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is damaged (%2). It was left untouched; restore a backup.</source>
        <translation>%1 est endommagé (%2). Il n’a pas été modifié ; restaurez une sauvegarde.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot configure the database: %1</source>
        <translation>Impossible de configurer la base : %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 was written by a newer version of Studio Timer (schema %2; this version knows up to %3). It was left untouched: update Studio Timer to open it.</source>
        <translation>%1 a été écrit par une version plus récente de Studio Timer (schéma %2 ; cette version connaît jusqu’au %3). Il n’a pas été modifié : mettez Studio Timer à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot back up %1 before upgrading it.</source>
        <translation>Impossible de sauvegarder %1 avant sa mise à jour.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Missing migration %1.</source>
        <translation>Migration %1 manquante.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Migration %1 failed: %2</source>
        <translation>La migration %1 a échoué : %2</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Cannot start a transaction: %1</source>
        <translation>Impossible de commencer une transaction : %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cannot save the change: %1</source>
        <translation>Impossible d’enregistrer la modification : %1</translation>
    </message>
    <message>
        <location filename="../core/store/Backup.cpp" line="+31"/>
        <location line="+81"/>
        <source>%1 is not a readable SQLite database (%2). Nothing was changed.</source>
        <translation>%1 n’est pas une base SQLite lisible (%2). Rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>%1 is damaged (%2). Nothing was changed.</source>
        <translation>%1 est endommagé (%2). Rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a Studio Timer database. Nothing was changed.</source>
        <translation>%1 n’est pas une base de Studio Timer. Rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 was written by a newer version of Studio Timer (schema %2; this version knows up to %3). Nothing was changed.</source>
        <translation>%1 a été écrit par une version plus récente de Studio Timer (schéma %2 ; cette version connaît jusqu’au %3). Rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="-76"/>
        <location line="+117"/>
        <location line="+9"/>
        <source>%1 exists already: choose another file for the backup.</source>
        <translation>%1 existe déjà : choisissez un autre fichier pour la sauvegarde.</translation>
    </message>
    <message>
        <location line="-120"/>
        <location line="+15"/>
        <source>Cannot write the backup %1: %2</source>
        <translation>Impossible d’écrire la sauvegarde %1 : %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot copy %1 to %2: %3</source>
        <translation>Impossible de copier %1 vers %2 : %3</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>No file %1.</source>
        <translation>Aucun fichier %1.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>%1 is the database itself: choose a backup copy to restore. Nothing was changed.</source>
        <translation>%1 est la base de données elle-même : choisissez une copie de sauvegarde à restaurer. Rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot put %1 in place of %2: %3</source>
        <translation>Impossible de mettre %1 à la place de %2 : %3</translation>
    </message>
    <message>
        <location filename="../core/store/DatabasePostgres.cpp" line="-10"/>
        <source>The database is unavailable for now; nothing was changed. Try again later.</source>
        <translation>La base de données est indisponible pour le moment ; rien n&apos;a été modifié. Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../core/store/DatabaseUrl.cpp" line="+39"/>
        <source>Not a PostgreSQL URL: give postgresql://user@host:port/database or postgresql://user@/database?host=/socket/dir.</source>
        <translation>Ce n&apos;est pas une URL PostgreSQL : indiquez postgresql://utilisateur@hôte:port/base ou postgresql://utilisateur@/base?host=/dossier/du/socket.</translation>
    </message>
</context>
<context>
    <name>st::DesktopApp</name>
    <message>
        <location filename="../app/DesktopApp.cpp" line="+40"/>
        <source>Studio Timer</source>
        <translation>Studio Timer</translation>
    </message>
</context>
<context>
    <name>st::DurationInput</name>
    <message>
        <location filename="../ui/timesheet/DurationInput.cpp" line="+60"/>
        <source>&quot;%1&quot; is not a duration: type it as 1:30, 90m or 1.5h.</source>
        <translation>« %1 » n’est pas une durée : tapez-la comme 1:30, 90m ou 1,5h.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is less than a minute.</source>
        <translation>« %1 » fait moins d’une minute.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is more than a day.</source>
        <translation>« %1 » dépasse une journée.</translation>
    </message>
</context>
<context>
    <name>st::EntryDialog</name>
    <message>
        <location filename="../ui/dialogs/EntryDialog.cpp" line="+77"/>
        <source>Adjust entry</source>
        <translation>Corriger l’entrée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New entry</source>
        <translation>Nouvelle entrée</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The timer is still running: stop it to set its end.</source>
        <translation>Le chronomètre tourne encore : arrêtez-le pour fixer sa fin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End:</source>
        <translation>Fin :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>still running</source>
        <translation>toujours en cours</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No room</source>
        <translation>Aucune salle</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Why the change (required, kept in the audit trail)</source>
        <translation>Pourquoi ce changement (obligatoire, gardé dans l’historique)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>S&amp;tart:</source>
        <translation>&amp;Début :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;End:</source>
        <translation>&amp;Fin :</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>T&amp;ask:</source>
        <translation>&amp;Tâche :</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Room:</source>
        <translation>&amp;Salle :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Project:</source>
        <translation>&amp;Projet :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>words, separated by spaces</source>
        <translation>mots, séparés par des espaces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;gs:</source>
        <translation>Éti&amp;quettes :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>N&amp;ote:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reaso&amp;n:</source>
        <translation>&amp;Raison :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Au&amp;dit trail:</source>
        <translation>&amp;Historique des corrections :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit trail</source>
        <translation>Historique des corrections</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No project &quot;%1&quot;.</source>
        <translation>Aucun projet « %1 ».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The end is before the start.</source>
        <translation>La fin est avant le début.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The end equals the start: an entry needs a duration.</source>
        <translation>La fin est égale au début : une entrée doit avoir une durée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a task.</source>
        <translation>Choisissez une tâche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give a reason for the adjustment.</source>
        <translation>Donnez une raison à la correction.</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>never adjusted</source>
        <translation>jamais corrigée</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>deleted</source>
        <translation>supprimée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>restored</source>
        <translation>rétablie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>start %1 → %2</source>
        <translation>début %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>end %1 → %2</source>
        <translation>fin %1 → %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>task %1 → %2</source>
        <translation>tâche %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>room %1 → %2</source>
        <translation>salle %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>project %1 → %2</source>
        <translation>projet %1 → %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>tags “%1”</source>
        <translation>étiquettes « %1 »</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>note “%1”</source>
        <translation>note « %1 »</translation>
    </message>
</context>
<context>
    <name>st::EntryExporter</name>
    <message>
        <location filename="../core/report/EntryExport.cpp" line="+296"/>
        <source>Cancelled: nothing was exported.</source>
        <translation>Annulé : rien n’a été exporté.</translation>
    </message>
</context>
<context>
    <name>st::EntryImporter</name>
    <message>
        <location filename="../core/report/EntryImportFormats.cpp" line="+199"/>
        <source>The file is not UTF-8 text.</source>
        <translation>Le fichier n’est pas du texte UTF-8.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Line %1: the header has no &quot;%2&quot; column (expected: %3).</source>
        <translation>Ligne %1 : l’en-tête n’a pas de colonne « %2 » (attendu : %3).</translation>
    </message>
    <message>
        <location line="+72"/>
        <location filename="../core/report/EntryImportResolve.cpp" line="+350"/>
        <source>Line %1</source>
        <translation>Ligne %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it has %1 fields where the header has %2.</source>
        <translation>elle a %1 champs là où l’en-tête en a %2.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>startedAt &quot;%1&quot; is not a time such as 2026-11-28T09:30:00+01:00.</source>
        <translation>startedAt « %1 » n’est pas une heure comme 2026-11-28T09:30:00+01:00.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>endedAt &quot;%1&quot; is not a time such as 2026-11-28T10:30:00+01:00.</source>
        <translation>endedAt « %1 » n’est pas une heure comme 2026-11-28T10:30:00+01:00.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 &quot;%2&quot; is not a whole number of milliseconds.</source>
        <translation>%1 « %2 » n’est pas un nombre entier de millisecondes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 &quot;%2&quot; is not a whole number of seconds.</source>
        <translation>%1 « %2 » n’est pas un nombre entier de secondes.</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Line %1: the header has no &quot;%2&quot; column: is this Toggl Track&apos;s detailed report CSV?</source>
        <translation>Ligne %1 : l’en-tête n’a pas de colonne « %2 » : est-ce bien le rapport détaillé CSV de Toggl Track ?</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>the start &quot;%1 %2&quot; is not a date and time such as 2026-11-28 09:30:00.</source>
        <translation>le début « %1 %2 » n’est pas une date et heure comme 2026-11-28 09:30:00.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the end &quot;%1 %2&quot; is not a date and time such as 2026-11-28 10:30:00.</source>
        <translation>la fin « %1 %2 » n’est pas une date et heure comme 2026-11-28 10:30:00.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the duration &quot;%1&quot; is not written 01:30:00.</source>
        <translation>la durée « %1 » ne s’écrit pas 01:30:00.</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>The file is not valid JSON: %1 (at byte %2).</source>
        <translation>Le fichier n’est pas du JSON valide : %1 (à l’octet %2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The JSON holds no entries: expected an array, or an object with &quot;entries&quot;.</source>
        <translation>Le JSON ne contient aucune entrée : un tableau était attendu, ou un objet avec « entries ».</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>billable &quot;%1&quot; is not true or false.</source>
        <translation>billable « %1 » n’est ni true ni false.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Billable &quot;%1&quot; is not Yes or No.</source>
        <translation>Billable « %1 » n’est ni Yes ni No.</translation>
    </message>
    <message>
        <location line="+29"/>
        <location filename="../core/report/EntryImportResolve.cpp" line="-1"/>
        <source>Entry %1</source>
        <translation>Entrée %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not an object.</source>
        <translation>ce n’est pas un objet.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot; must be text.</source>
        <translation>« %1 » doit être du texte.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;%1&quot; is not a time such as &quot;2026-11-28T09:30:00+01:00&quot;.</source>
        <translation>« %1 » n’est pas une heure comme « 2026-11-28T09:30:00+01:00 ».</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; must be a whole number of milliseconds.</source>
        <translation>« %1 » doit être un nombre entier de millisecondes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; must be a whole number of seconds.</source>
        <translation>« %1 » doit être un nombre entier de secondes.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;startedAt&quot; is required.</source>
        <translation>« startedAt » est obligatoire.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;hourlyRateCents&quot; must be a rate in minor units.</source>
        <translation>« hourlyRateCents » doit être un tarif en unités mineures (centimes).</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+6"/>
        <source>&quot;tags&quot; must be a list of words.</source>
        <translation>« tags » doit être une liste de mots.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;billable&quot; must be true or false.</source>
        <translation>« billable » doit être true ou false.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>an audit row is not an object.</source>
        <translation>une ligne de l’historique des modifications n’est pas un objet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;audit&quot; must be an array.</source>
        <translation>« audit » doit être un tableau.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a control character (such as NUL) is not text; remove it.</source>
        <translation>un caractère de contrôle (comme NUL) n’est pas du texte ; supprimez-le.</translation>
    </message>
    <message>
        <location filename="../core/report/EntryImportResolve.cpp" line="-111"/>
        <location line="+110"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../core/report/EntryImportProjects.cpp" line="+72"/>
        <source>No task type &quot;%1&quot; (its Task column, else its Project); known: %2. Choose one for such rows with --task.</source>
        <translation>Aucun type de tâche « %1 » (sa colonne Task, sinon son Project) ; connus : %2. Choisissez-en un pour ces lignes avec --task.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it has no task type.</source>
        <translation>elle n’a pas de type de tâche.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No task type &quot;%1&quot;.</source>
        <translation>Aucun type de tâche « %1 ».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the task type &quot;%1&quot; is archived.</source>
        <translation>le type de tâche « %1 » est archivé.</translation>
    </message>
    <message>
        <location filename="../core/report/EntryImportResolve.cpp" line="-237"/>
        <source>it names no user and no user is set for this desk.</source>
        <translation>elle ne nomme aucun utilisateur et aucun n’est défini pour ce poste.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>the ID &quot;%1&quot; is not a UUID.</source>
        <translation>l’identifiant « %1 » n’est pas un UUID.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it ends when it starts.</source>
        <translation>elle finit quand elle commence.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it is paused for longer than it lasts.</source>
        <translation>elle est en pause plus longtemps qu’elle ne dure.</translation>
    </message>
    <message>
        <location line="+94"/>
        <location line="+3"/>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>it overlaps the stored entry %1 of %2 (%3 to %4).</source>
        <translation>elle chevauche l’entrée enregistrée %1 de %2 (%3 à %4).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 %2: it overlaps line %3 of the same person (%4).</source>
        <translation>%1 %2 : elle chevauche la ligne %3 de la même personne (%4).</translation>
    </message>
    <message>
        <location filename="../core/report/EntryImport.cpp" line="+149"/>
        <location filename="../core/report/EntryImportResolve.cpp" line="+1"/>
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../core/report/EntryImportResolve.cpp" line="+0"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message numerus="yes">
        <location line="-57"/>
        <source>The file has %n bad row(s); nothing was imported.</source>
        <translation>
            <numerusform>Le fichier a %n ligne incorrecte ; rien n’a été importé.</numerusform>
            <numerusform>Le fichier a %n lignes incorrectes ; rien n’a été importé.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>Annulé : rien n’a été importé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file changed after its preview; nothing was imported.</source>
        <translation>Le fichier a changé depuis son aperçu ; rien n’a été importé.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 %2: %3; nothing was imported.</source>
        <translation>%1 %2 : %3 ; rien n’a été importé.</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Nothing was imported: the file has %n bad row(s).
</source>
        <translation>
            <numerusform>Rien n’a été importé : le fichier a %n ligne incorrecte.
</numerusform>
            <numerusform>Rien n’a été importé : le fichier a %n lignes incorrectes.
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>entry</source>
        <translation>entrée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>line</source>
        <translation>ligne</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2–%3 (%4), %5</source>
        <translation>%1 %2–%3 (%4), %5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> in %1</source>
        <translation> dans %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, project %1</source>
        <translation>, projet %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> (not billable)</source>
        <translation> (non facturable)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  + %1 %2: %3
</source>
        <translation>  + %1 %2 : %3
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  = %1 %2: %3 is already there (%4): skipped
</source>
        <translation>  = %1 %2 : %3 existe déjà (%4) : ignorée
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  ~ %1 %2: %3 has no end (a running timer): skipped
</source>
        <translation>  ~ %1 %2 : %3 n’a pas de fin (un chronomètre en cours) : ignorée
</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>  … and %n more row(s)
</source>
        <translation>
            <numerusform>  … et %n autre ligne
</numerusform>
            <numerusform>  … et %n autres lignes
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New people: %1
</source>
        <translation>Nouvelles personnes : %1
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New rooms: %1
</source>
        <translation>Nouvelles salles : %1
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New clients: %1
</source>
        <translation>Nouveaux clients : %1
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New projects: %1
</source>
        <translation>Nouveaux projets : %1
</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Imported %n entries</source>
        <translation>
            <numerusform>%n entrée importée</numerusform>
            <numerusform>%n entrées importées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Would import %n entries</source>
        <translation>
            <numerusform>Importerait %n entrée</numerusform>
            <numerusform>Importerait %n entrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, skipped %n.
</source>
        <translation>
            <numerusform>, %n ignorée.
</numerusform>
            <numerusform>, %n ignorées.
</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/report/EntryAuditJson.cpp" line="+40"/>
        <source>an audit row&apos;s &quot;at&quot; is not a time such as &quot;2026-11-28T09:30:00+01:00&quot;.</source>
        <translation>le « at » d’une ligne de l’historique des modifications n’est pas une heure comme « 2026-11-28T09:30:00+01:00 ».</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>an audit row needs &quot;user&quot; and &quot;reason&quot; as text and &quot;before&quot; and &quot;after&quot; as objects.</source>
        <translation>une ligne de l’historique des modifications demande « user » et « reason » en texte, « before » et « after » en objets.</translation>
    </message>
</context>
<context>
    <name>st::HistoryView</name>
    <message>
        <location filename="../ui/HistoryView.cpp" line="+47"/>
        <source>All tasks</source>
        <translation>Toutes les tâches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All users</source>
        <translation>Tous les utilisateurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All rooms</source>
        <translation>Toutes les salles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All clients</source>
        <translation>Tous les clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All projects</source>
        <translation>Tous les projets</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries having any of these words as a tag (separated by spaces)</source>
        <translation>Les entrées portant l’un de ces mots comme tag (séparés par des espaces)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>Search notes</source>
        <translation>Chercher dans les notes</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task types shown</source>
        <translation>Types de tâche affichés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People shown</source>
        <translation>Personnes affichées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rooms shown</source>
        <translation>Salles affichées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients shown</source>
        <translation>Clients affichés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projects shown</source>
        <translation>Projets affichés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags shown</source>
        <translation>Tags affichés</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No entries in this period with these filters. Start a timer on the Now tab, add one with New entry… (%1), or widen the period.</source>
        <translation>Aucune entrée sur cette période avec ces filtres. Démarrez un chronomètre dans l’onglet Maintenant, ajoutez-en une avec Nouvelle entrée… (%1), ou élargissez la période.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Entry deleted</source>
        <translation>Entrée supprimée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo the delete</source>
        <translation>Annuler la suppression</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New entry…</source>
        <translation>Nouvelle entrée…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Adjust…</source>
        <translation>Corriger…</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+9"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo delete</source>
        <translation>&amp;Annuler la suppression</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New entry…</source>
        <translation>&amp;Nouvelle entrée…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add an entry by hand (%1)</source>
        <translation>Ajouter une entrée à la main (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjust the selected entry (%1)</source>
        <translation>Corriger l’entrée sélectionnée (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected entry (%1); %2 brings it back</source>
        <translation>Supprimer l’entrée sélectionnée (%1) ; %2 la rétablit</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No client</source>
        <translation>Aucun client</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No project</source>
        <translation>Aucun projet</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>&lt;b&gt;%n entries · %1 · %2&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n entrée · %1 · %2&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%n entrées · %1 · %2&lt;/b&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>st::Hub</name>
    <message>
        <location filename="../core/sync/server/SioServer.cpp" line="+98"/>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Impossible d’écouter sur %1 port %2 : %3</translation>
    </message>
    <message>
        <location filename="../core/sync/Hub.cpp" line="+119"/>
        <source>The hub is shutting down.</source>
        <translation>Le hub s’arrête.</translation>
    </message>
    <message>
        <location line="+216"/>
        <source>This token already has %1 connections to the hub (--max-per-token): close one, or try again later.</source>
        <translation>Ce jeton a déjà %1 connexions au hub (--max-per-token) : fermez-en une, ou réessayez plus tard.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This organisation already has %1 connections to the hub (--max-per-org): try again later.</source>
        <translation>Cette organisation a déjà %1 connexions au hub (--max-per-org) : réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../core/sync/server/SioServer.cpp" line="-30"/>
        <source>Cannot read the certificate %1.</source>
        <translation>Impossible de lire le certificat %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read the private key %1.</source>
        <translation>Impossible de lire la clé privée %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The certificate or the private key is not valid PEM.</source>
        <translation>Le certificat ou la clé privée n’est pas un PEM valide.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Only /socket.io/?EIO=4&amp;transport=websocket is served, to at most %1 sockets.</source>
        <translation>Seul /socket.io/?EIO=4&amp;transport=websocket est servi, à %1 connexions au plus.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The hub has %1 connections waiting to log in (--max-unauthenticated); try again later.</source>
        <translation>Le hub a %1 connexions en attente d’identification (--max-unauthenticated) ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../core/sync/Hub.cpp" line="+85"/>
        <source>Too many requests: slow down.</source>
        <translation>Trop de requêtes : ralentissez.</translation>
    </message>
    <message>
        <location filename="../core/sync/HubService.cpp" line="+130"/>
        <source>Unknown event &quot;%1&quot;.</source>
        <translation>Événement inconnu « %1 ».</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The opId %1 was already used for a different request.</source>
        <translation>L’opId %1 a déjà servi pour une autre requête.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No such user.</source>
        <translation>Utilisateur inconnu.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The entry was changed elsewhere first: this change was based on version %1, the entry is at version %2.</source>
        <translation>L’entrée a d’abord été modifiée ailleurs : cette modification partait de la version %1, l’entrée en est à la version %2.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A time more than a minute ahead of the hub&apos;s clock was refused: check this computer&apos;s clock.</source>
        <translation>Une heure en avance de plus d’une minute sur l’horloge du hub a été refusée : vérifiez l’horloge de cet ordinateur.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No entry %1.</source>
        <translation>Aucune entrée %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The entry is not running.</source>
        <translation>L’entrée n’est pas en cours.</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>The change was not recorded.</source>
        <translation>La modification n’a pas été enregistrée.</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>The changed entry cannot be read back.</source>
        <translation>L’entrée modifiée ne peut pas être relue.</translation>
    </message>
    <message>
        <location line="+79"/>
        <location line="+6"/>
        <location line="+4"/>
        <source>No change log for %1.</source>
        <translation>Aucun journal de modifications pour %1.</translation>
    </message>
    <message>
        <location filename="../core/sync/SelfSignedCertificate.cpp" line="+115"/>
        <source>Cannot create the hub&apos;s data folder %1.</source>
        <translation>Impossible de créer le dossier de données du hub %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+38"/>
        <source>Cannot make the hub&apos;s TLS certificate in %1.</source>
        <translation>Impossible de créer le certificat TLS du hub dans %1.</translation>
    </message>
    <message>
        <location filename="../core/sync/HubCopy.cpp" line="+107"/>
        <source>%1 already holds organisations: the hub&apos;s data is moved only into an empty database.</source>
        <translation>%1 contient déjà des organisations : les données du hub ne sont déplacées que dans une base vide.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The copy differs from %1 (table %2: %3 rows instead of %4); nothing was kept.</source>
        <translation>La copie diffère de %1 (table %2 : %3 lignes au lieu de %4) ; rien n&apos;a été conservé.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The copy differs from %1 (the change log&apos;s heads); nothing was kept.</source>
        <translation>La copie diffère de %1 (les derniers numéros du journal des modifications) ; rien n&apos;a été conservé.</translation>
    </message>
</context>
<context>
    <name>st::HubStore</name>
    <message>
        <location filename="../core/sync/SqlHubStore.cpp" line="+65"/>
        <source>An organisation needs a name of 1 to 80 characters.</source>
        <translation>Une organisation demande un nom de 1 à 80 caractères.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No organisation %1.</source>
        <translation>Aucune organisation %1.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No such token, or it is revoked already.</source>
        <translation>Jeton inconnu, ou déjà révoqué.</translation>
    </message>
</context>
<context>
    <name>st::Invoice</name>
    <message>
        <location filename="../core/report/Invoice.cpp" line="+50"/>
        <source>The invoice&apos;s period ends before it starts.</source>
        <translation>La période de la facture finit avant de commencer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No such client.</source>
        <translation>Client inconnu.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The project is not one of %1&apos;s.</source>
        <translation>Ce projet n’est pas l’un de ceux de %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 has no projects to invoice.</source>
        <translation>%1 n’a aucun projet à facturer.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Nothing to invoice: %1 has no entries from %2 to %3.</source>
        <translation>Rien à facturer : %1 n’a aucune entrée du %2 au %3.</translation>
    </message>
</context>
<context>
    <name>st::InvoiceDialog</name>
    <message>
        <location filename="../ui/invoice/InvoiceDialog.cpp" line="+53"/>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Client:</source>
        <translation>&amp;Client :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pro&amp;ject:</source>
        <translation>Pro&amp;jet :</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation>&amp;Au :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rounding direction</source>
        <translation>Sens de l’arrondi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up (a started step is billed)</source>
        <translation>Au-dessus (un pas entamé est facturé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To the nearest</source>
        <translation>Au plus proche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Au-dessous</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Rounding:</source>
        <translation>A&amp;rrondi :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each entry&apos;s time is rounded on its own; stored times never change.</source>
        <translation>Le temps de chaque entrée est arrondi à part ; les temps enregistrés ne changent jamais.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Billable time only</source>
        <translation>&amp;Temps facturable seulement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The next one</source>
        <translation>Le suivant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Number:</source>
        <translation>&amp;Numéro :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invoice preview</source>
        <translation>Aperçu de la facture</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>There are no clients yet: add one with &quot;studiotimer clients add NAME&quot;, and projects under it.</source>
        <translation>Il n’y a pas encore de client : ajoutez-en un avec « studiotimer clients add NOM », puis des projets.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>All of the client&apos;s projects</source>
        <translation>Tous les projets du client</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The next one: %1</source>
        <translation>Le suivant : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n line(s), total %1.</source>
        <translation>
            <numerusform>%n ligne, total %1.</numerusform>
            <numerusform>%n lignes, total %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save the invoice</source>
        <translation>Enregistrer la facture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Invoice %1 saved to %2.</source>
        <translation>Facture %1 enregistrée dans %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Invoice %1</source>
        <translation>Facture %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Invoice %1 sent to the printer.</source>
        <translation>Facture %1 envoyée à l’imprimante.</translation>
    </message>
</context>
<context>
    <name>st::InvoicePdf</name>
    <message>
        <location filename="../invoice/InvoicePdf.cpp" line="+45"/>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tax number: %1</source>
        <translation>Numéro de TVA : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>Invoice %1</source>
        <translation>Facture %1</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Date: %1</source>
        <translation>Date : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period: %1 to %2</source>
        <translation>Période : du %1 au %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bill to: %1</source>
        <translation>Facturé à : %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>/h</source>
        <translation>/h</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Each entry is billed in steps of %n minute(s).</source>
        <translation>
            <numerusform>Chaque entrée est facturée par tranches de %n minute.</numerusform>
            <numerusform>Chaque entrée est facturée par tranches de %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Billable time only.</source>
        <translation>Temps facturable seulement.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amounts in %1.</source>
        <translation>Montants en %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>st::KeychainCredentialStore</name>
    <message>
        <location filename="../core/secrets/KeychainCredentialStore.cpp" line="+20"/>
        <source>No secret is stored.</source>
        <translation>Aucun secret n’est enregistré.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The keychain refused access: %1</source>
        <translation>Le trousseau a refusé l’accès : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No keychain is available: %1</source>
        <translation>Aucun trousseau disponible : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keychain failed: %1</source>
        <translation>Le trousseau a échoué : %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The hub token is kept in the system keychain.</source>
        <translation>Le jeton du hub est gardé dans le trousseau du système.</translation>
    </message>
</context>
<context>
    <name>st::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+31"/>
        <source>Studio Timer</source>
        <translation>Studio Timer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Task types…</source>
        <translation>&amp;Types de tâche…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Clients and projects…</source>
        <translation>&amp;Clients et projets…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>R&amp;ooms and people…</source>
        <translation>Salles et &amp;personnes…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Réglages…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Now</source>
        <translation>&amp;Maintenant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt+1</source>
        <translation>Alt+1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt+2</source>
        <translation>Alt+2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Reports</source>
        <translation>&amp;Rapports</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt+3</source>
        <translation>Alt+3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Week timesheet</source>
        <translation>&amp;Feuille de temps de la semaine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ne&amp;xt tab</source>
        <translation>Onglet &amp;suivant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Tab</source>
        <translation>Ctrl+Tab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre&amp;vious tab</source>
        <translation>Onglet &amp;précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+Tab</source>
        <translation>Ctrl+Shift+Tab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Studio Timer</source>
        <translation>À &amp;propos de Studio Timer</translation>
    </message>
</context>
<context>
    <name>st::MemoryCredentialStore</name>
    <message>
        <location filename="../core/secrets/CredentialStore.cpp" line="+33"/>
        <source>No secret is stored.</source>
        <translation>Aucun secret n’est enregistré.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No keychain is available on this system, so the hub token is kept in memory for this session only and must be entered again at the next start. It is never written to disk.</source>
        <translation>Aucun trousseau n’est disponible sur ce système : le jeton du hub reste en mémoire pour cette session seulement et devra être saisi à nouveau au prochain démarrage. Il n’est jamais écrit sur le disque.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
</context>
<context>
    <name>st::NowView</name>
    <message>
        <location filename="../ui/NowView.cpp" line="+70"/>
        <source>Who:</source>
        <translation>Qui :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room:</source>
        <translation>Salle :</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The project the work is for: recent ones first; type to find one by its name or its client&apos;s. A running timer takes it at once.</source>
        <translation>Le projet pour lequel on travaille : les récents d’abord ; tapez pour en trouver un par son nom ou celui de son client. Un chronomètre en cours le prend aussitôt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project:</source>
        <translation>Projet :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>words, separated by spaces</source>
        <translation>mots, séparés par des espaces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free words to find and report the work by, such as vocals or overdub. A running timer takes them when you leave the field.</source>
        <translation>Des mots libres pour retrouver le travail et en faire des rapports, comme voix ou overdub. Un chronomètre en cours les prend quand vous quittez le champ.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags:</source>
        <translation>Étiquettes :</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Note (what is being worked on)</source>
        <translation>Note (sur quoi on travaille)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Elapsed time</source>
        <translation>Temps écoulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost so far</source>
        <translation>Coût jusqu’ici</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop the timer (%1)</source>
        <translation>Arrêter le chronomètre (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Continue</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the last entry again: same task, room and note</source>
        <translation>Relancer la dernière entrée : même tâche, même salle, même note</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Today&apos;s entries</source>
        <translation>Entrées du jour</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Studio</source>
        <translation>Studio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Timers running in the studio</source>
        <translation>Chronomètres en cours dans le studio</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No project &quot;%1&quot;.</source>
        <translation>Aucun projet « %1 ».</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 (paused)</source>
        <translation>%1 (en pause)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No room · since %1</source>
        <translation>Aucune salle · depuis %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · since %2</source>
        <translation>%1 · depuis %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2) · %3</source>
        <translation>%1 (%2) · %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No timer running</source>
        <translation>Aucun chronomètre en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click a task or press its number to start.</source>
        <translation>Cliquez sur une tâche ou tapez son numéro pour commencer.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause or resume the timer (%1)</source>
        <translation>Mettre en pause ou reprendre le chronomètre (%1)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Start %1 (key %2)</source>
        <translation>Démarrer %1 (touche %2)</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+7"/>
        <source>Start %1</source>
        <translation>Démarrer %1</translation>
    </message>
    <message>
        <location line="-242"/>
        <source>Who works at this desk. A running timer is handed over from now: it stops, and goes on for the person picked.</source>
        <translation>Qui travaille à ce poste. Un chronomètre en cours est transmis dès maintenant : il s’arrête et continue pour la personne choisie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the work happens. A running timer moves from now: it is split at this instant, the time so far staying in its room.</source>
        <translation>Où le travail a lieu. Un chronomètre en cours change de salle dès maintenant : il est coupé à cet instant, le temps déjà passé restant dans sa salle.</translation>
    </message>
    <message>
        <location line="+272"/>
        <source>New user…</source>
        <translation>Nouvel utilisateur…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No room</source>
        <translation>Aucune salle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New room…</source>
        <translation>Nouvelle salle…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>New user</source>
        <translation>Nouvel utilisateur</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+30"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New room</source>
        <translation>Nouvelle salle</translation>
    </message>
    <message numerus="yes">
        <location line="+75"/>
        <source>Today: %1 · %2 · %n entries</source>
        <translation>
            <numerusform>Aujourd’hui : %1 · %2 · %n entrée</numerusform>
            <numerusform>Aujourd’hui : %1 · %2 · %n entrées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>st::OptionalRate</name>
    <message>
        <location filename="../ui/projects/CatalogFields.cpp" line="+20"/>
        <source>Own rate</source>
        <translation>Taux propre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>/h</source>
        <translation>/h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hourly rate</source>
        <translation>Taux horaire</translation>
    </message>
</context>
<context>
    <name>st::Outbox</name>
    <message>
        <location filename="../core/sync/Outbox.cpp" line="+227"/>
        <source>No pending change %1.</source>
        <translation>Aucune modification en attente %1.</translation>
    </message>
</context>
<context>
    <name>st::PeriodLock</name>
    <message>
        <location filename="../ui/invoice/PeriodLock.cpp" line="+24"/>
        <source>Entries on or before that day can no longer be added, adjusted or deleted, on any desk, until the period is unlocked.</source>
        <translation>Les entrées de ce jour ou d’avant ne peuvent plus être ajoutées, ajustées ni supprimées, sur aucun poste, tant que la période n’est pas déverrouillée.</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+52"/>
        <source>Closed up to %1.</source>
        <translation>Clos jusqu’au %1.</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>No period is closed.</source>
        <translation>Aucune période n’est close.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Lock up to %1…</source>
        <translation>&amp;Verrouiller jusqu’au %1…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lock every entry on or before %1? They can no longer be added, adjusted or deleted, on any desk, until the period is unlocked.</source>
        <translation>Verrouiller toutes les entrées du %1 ou d’avant ? Elles ne pourront plus être ajoutées, ajustées ni supprimées, sur aucun poste, tant que la période n’est pas déverrouillée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The period is closed up to %1 now: the days after %2 open again.</source>
        <translation>La période est close jusqu’au %1 : les jours après le %2 seront rouverts.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock the period</source>
        <translation>Verrouiller la période</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not locked: %1</source>
        <translation>Non verrouillé : %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Locked: entries on or before %1 can no longer be changed.</source>
        <translation>Verrouillé : les entrées du %1 ou d’avant ne peuvent plus être modifiées.</translation>
    </message>
</context>
<context>
    <name>st::Periods</name>
    <message>
        <location filename="../ui/models/Periods.cpp" line="+12"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last week</source>
        <translation>La semaine dernière</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last month</source>
        <translation>Le mois dernier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Custom range</source>
        <translation>Période personnalisée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All time</source>
        <translation>Depuis toujours</translation>
    </message>
</context>
<context>
    <name>st::ProjectPicker</name>
    <message>
        <location filename="../ui/projects/ProjectPicker.cpp" line="+23"/>
        <location line="+1"/>
        <location line="+34"/>
        <source>No project</source>
        <translation>Aucun projet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (archived)</source>
        <translation>%1 (archivé)</translation>
    </message>
</context>
<context>
    <name>st::ProjectsDialog</name>
    <message>
        <location filename="../ui/projects/ProjectsDialog.cpp" line="+15"/>
        <source>Clients and projects</source>
        <translation>Clients et projets</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
</context>
<context>
    <name>st::ProjectsPage</name>
    <message>
        <location filename="../ui/projects/ProjectsPage.cpp" line="+36"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Project colour</source>
        <translation>Couleur du projet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without a rate of its own, the client&apos;s rate applies, else the task type&apos;s.</source>
        <translation>Sans taux propre, le taux du client s’applique, sinon celui du type de tâche.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No budget</source>
        <translation>Pas de budget</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Budget amount</source>
        <translation>Montant du budget</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Budget used</source>
        <translation>Budget utilisé</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cli&amp;ent:</source>
        <translation>Cl&amp;ient :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;lour:</source>
        <translation>C&amp;ouleur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hourly &amp;rate:</source>
        <translation>&amp;Taux horaire :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Budget:</source>
        <translation>&amp;Budget :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used:</source>
        <translation>Utilisé :</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No client</source>
        <translation>Aucun client</translation>
    </message>
    <message>
        <location line="+40"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>New project %1</source>
        <translation>Nouveau projet %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No budget: %1 worked, %2</source>
        <translation>Pas de budget : %1 travaillées, %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2%, over budget)</source>
        <translation>%1 (%2 %, budget dépassé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
</context>
<context>
    <name>st::ReportFilters</name>
    <message>
        <location filename="../ui/reports/ReportFilters.cpp" line="+20"/>
        <source>All clients</source>
        <translation>Tous les clients</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clients in the report</source>
        <translation>Clients du rapport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All projects</source>
        <translation>Tous les projets</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Projects in the report</source>
        <translation>Projets du rapport</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags in the report</source>
        <translation>Tags du rapport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries having any of these words as a tag (separated by spaces)</source>
        <translation>Les entrées portant l’un de ces mots comme tag (séparés par des espaces)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Billable only</source>
        <translation>Facturable seulement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave out the entries that are not billed</source>
        <translation>Laisser de côté les entrées non facturées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each entry&apos;s time is rounded on its own, in this report only; stored times never change.</source>
        <translation>Le temps de chaque entrée est arrondi à part, dans ce rapport seulement ; les temps enregistrés ne changent jamais.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rounding direction</source>
        <translation>Sens de l’arrondi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>up</source>
        <translation>au-dessus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to nearest</source>
        <translation>au plus proche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>down</source>
        <translation>au-dessous</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rounding:</source>
        <translation>Arrondi :</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No client</source>
        <translation>Aucun client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No project</source>
        <translation>Aucun projet</translation>
    </message>
</context>
<context>
    <name>st::ReportService</name>
    <message>
        <location filename="../core/report/ReportService.cpp" line="+206"/>
        <source>A report needs a period with a start and an end.</source>
        <translation>Un rapport demande une période avec un début et une fin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The report&apos;s period ends before it starts.</source>
        <translation>La période du rapport finit avant de commencer.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The period is too long for this grouping: at most %1 groups.</source>
        <translation>La période est trop longue pour ce regroupement : %1 groupes au plus.</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>No room</source>
        <translation>Aucune salle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No project</source>
        <translation>Aucun projet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No client</source>
        <translation>Aucun client</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No tag</source>
        <translation>Aucune étiquette</translation>
    </message>
</context>
<context>
    <name>st::ReportTableModel</name>
    <message>
        <location filename="../ui/reports/ReportTableModel.cpp" line="+50"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Task type</source>
        <translation>Type de tâche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not billable</source>
        <translation>Non facturable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
</context>
<context>
    <name>st::ReportsView</name>
    <message>
        <location filename="../ui/reports/ReportsView.cpp" line="+50"/>
        <source>Task type</source>
        <translation>Type de tâche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export for Toggl…</source>
        <translation>Exporter pour Toggl…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toggl Track&apos;s detailed report CSV</source>
        <translation>Rapport détaillé CSV de Toggl Track</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries from a Studio Timer CSV or JSON file, or from Toggl Track&apos;s detailed report CSV</source>
        <translation>Des entrées d’un fichier CSV ou JSON de Studio Timer, ou du rapport détaillé CSV de Toggl Track</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period:</source>
        <translation>Période :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By:</source>
        <translation>Par :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Group by</source>
        <translation>Regrouper par</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chart of the report</source>
        <translation>Graphique du rapport</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report breakdown</source>
        <translation>Détail du rapport</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Invoice…</source>
        <translation>Facture…</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+176"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="-174"/>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <location line="+200"/>
        <location line="+3"/>
        <location line="+33"/>
        <location line="+37"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message numerus="yes">
        <location line="-146"/>
        <source>%1: %2, %3, %n entries</source>
        <translation>
            <numerusform>%1 : %2, %3, %n entrée</numerusform>
            <numerusform>%1 : %2, %3, %n entrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Total: %1, %2, %n entries</source>
        <translation>
            <numerusform>Total : %1, %2, %n entrée</numerusform>
            <numerusform>Total : %1, %2, %n entrées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Billable %1 · not billable %2</source>
        <translation>Facturable %1 · non facturable %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export entries</source>
        <translation>Exporter les entrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exporting entries…</source>
        <translation>Export des entrées…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Import entries</source>
        <translation>Importer des entrées</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time entries (*.csv *.json);;All files (*)</source>
        <translation>Entrées de temps (*.csv *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import these entries?</source>
        <translation>Importer ces entrées ?</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>None: such rows are refused</source>
        <translation>Aucun : ces lignes sont refusées</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import from Toggl</source>
        <translation>Importer depuis Toggl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task type of the rows whose Task column names none of yours:</source>
        <translation>Type de tâche des lignes dont la colonne Task ne nomme aucun des vôtres :</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is neither a Studio Timer CSV or JSON file nor a Toggl Track CSV.</source>
        <translation>%1 n’est ni un fichier CSV ou JSON de Studio Timer, ni un CSV de Toggl Track.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Importing entries…</source>
        <translation>Import des entrées…</translation>
    </message>
</context>
<context>
    <name>st::RosterDialog</name>
    <message>
        <location filename="../ui/projects/RosterDialog.cpp" line="+15"/>
        <source>Rooms and people</source>
        <translation>Salles et personnes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>R&amp;ooms</source>
        <translation>&amp;Salles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;People</source>
        <translation>&amp;Personnes</translation>
    </message>
</context>
<context>
    <name>st::RosterPage</name>
    <message>
        <location filename="../ui/projects/RosterPage.cpp" line="+24"/>
        <source>Rooms</source>
        <translation>Salles</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New &amp;name:</source>
        <translation>Nouveau &amp;nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+84"/>
        <source>Arc&amp;hive</source>
        <translation>Arc&amp;hiver</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Merge &amp;into:</source>
        <translation>Fusionner &amp;dans :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge</source>
        <translation>F&amp;usionner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every entry of the selected room moves to the one chosen, then the selected room disappears.</source>
        <translation>Toutes les entrées de la salle sélectionnée passent dans celle choisie, puis la salle sélectionnée disparaît.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every entry of the selected person moves to the one chosen, then the selected person disappears.</source>
        <translation>Toutes les entrées de la personne sélectionnée passent à celle choisie, puis la personne sélectionnée disparaît.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 (archived)</source>
        <translation>%1 (archivé)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unarc&amp;hive</source>
        <translation>Désarc&amp;hiver</translation>
    </message>
</context>
<context>
    <name>st::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/SettingsDialog.cpp" line="+31"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No room</source>
        <translation>Aucune salle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Closing the window keeps Studio Timer in the tray</source>
        <translation>Fermer la fenêtre garde Studio Timer dans la zone de notification</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start minimised</source>
        <translation>Démarrer réduit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start Studio Timer when I log in</source>
        <translation>Lancer Studio Timer à l’ouverture de session</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <location line="+22"/>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Idle minutes before asking about away time</source>
        <translation>Minutes d’inactivité avant de demander le temps d’absence</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Idle time is not available on this system (it needs an X11 session); sleep is still noticed.</source>
        <translation>Le temps d’inactivité n’est pas disponible sur ce système (il faut une session X11) ; la mise en veille reste détectée.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remind of a timer running longer than, in hours</source>
        <translation>Rappeler un chronomètre qui tourne depuis plus de, en heures</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Or&amp;ganisation:</source>
        <translation>Or&amp;ganisation :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>C&amp;urrency:</source>
        <translation>De&amp;vise :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Default &amp;room:</source>
        <translation>Salle par &amp;défaut :</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A&amp;ppearance:</source>
        <translation>A&amp;pparence :</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Away after idle:</source>
        <translation>Absent après &amp;inactivité :</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Remin&amp;d after:</source>
        <translation>&amp;Rappeler après :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remind at the end of the working day:</source>
        <translation>Rappeler en fin de journée de travail :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>End of the working day</source>
        <translation>Fin de la journée de travail</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Notify me when someone starts or stops a timer on another machine</source>
        <translation>Me prévenir quand quelqu’un démarre ou arrête un chronomètre sur une autre machine</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Daily copies of the data to keep</source>
        <translation>Copies quotidiennes des données à garder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One copy of the database a day, in the backups folder beside it; older copies beyond this number are removed.</source>
        <translation>Une copie de la base de données par jour, dans le dossier backups à côté d’elle ; les copies plus anciennes au-delà de ce nombre sont supprimées.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dail&amp;y copies kept:</source>
        <translation>Copies &amp;quotidiennes gardées :</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language applies when Studio Timer starts again.</source>
        <translation>La nouvelle langue s’applique au prochain démarrage de Studio Timer.</translation>
    </message>
</context>
<context>
    <name>st::SingleInstance</name>
    <message>
        <location filename="../core/cli/SingleInstance.cpp" line="+72"/>
        <source>studiotimer: the running Studio Timer did not answer.
</source>
        <translation>studiotimer: le Studio Timer en cours n’a pas répondu.
</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Studio Timer is already running on this data folder.</source>
        <translation>Studio Timer tourne déjà sur ce dossier de données.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>studiotimer: malformed request.
</source>
        <translation>studiotimer: requête mal formée.
</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>studiotimer: the running Studio Timer cannot run commands.
</source>
        <translation>studiotimer: le Studio Timer en cours ne peut pas exécuter de commandes.
</translation>
    </message>
</context>
<context>
    <name>st::StudioModel</name>
    <message>
        <location filename="../ui/models/StudioModel.cpp" line="+116"/>
        <source>%1 (paused)</source>
        <translation>%1 (en pause)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>last seen %1</source>
        <translation>vu pour la dernière fois à %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this machine</source>
        <translation>cette machine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>another machine</source>
        <translation>une autre machine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub cannot be reached: this timer as it was at %1.</source>
        <translation>Le hub est injoignable : ce chronomètre tel qu’il était à %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Elapsed</source>
        <translation>Écoulé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where</source>
        <translation>Où</translation>
    </message>
</context>
<context>
    <name>st::StudioPage</name>
    <message>
        <location filename="../ui/dialogs/StudioPage.cpp" line="+25"/>
        <source>Studio details on invoices</source>
        <translation>Le studio sur les factures</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stud&amp;io name:</source>
        <translation>Nom du s&amp;tudio :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Studio address</source>
        <translation>Adresse du studio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Addr&amp;ess:</source>
        <translation>Adre&amp;sse :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ta&amp;x number:</source>
        <translation>N&amp;uméro de TVA :</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The studio&apos;s address is at most %1 characters.</source>
        <translation>L’adresse du studio fait au plus %1 caractères.</translation>
    </message>
</context>
<context>
    <name>st::SyncCache</name>
    <message>
        <location filename="../core/sync/SyncCacheJoin.cpp" line="+39"/>
        <source>Not connected to a hub.</source>
        <translation>Pas connecté à un hub.</translation>
    </message>
    <message>
        <location filename="../core/sync/SyncCache.cpp" line="+103"/>
        <source>The database refused a change: %1</source>
        <translation>La base a refusé une modification : %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A batch of changes is already open.</source>
        <translation>Un lot de modifications est déjà ouvert.</translation>
    </message>
    <message>
        <location filename="../core/sync/SyncCacheRefs.cpp" line="+34"/>
        <source>Unknown user</source>
        <translation>Utilisateur inconnu</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Unknown task</source>
        <translation>Tâche inconnue</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Unknown room</source>
        <translation>Salle inconnue</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unknown client</source>
        <translation>Client inconnu</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unknown project</source>
        <translation>Projet inconnu</translation>
    </message>
    <message>
        <location filename="../core/sync/SyncCache.cpp" line="+351"/>
        <source>The hub refused this entry (see the sync conflicts).</source>
        <translation>Le hub a refusé cette entrée (voir les conflits de synchronisation).</translation>
    </message>
</context>
<context>
    <name>st::SyncClient</name>
    <message>
        <location filename="../core/sync/SyncClient.cpp" line="+557"/>
        <source>The hub refused the change without a reason.</source>
        <translation>Le hub a refusé la modification sans raison.</translation>
    </message>
    <message>
        <location line="-475"/>
        <location line="+234"/>
        <source>The hub sent binary data, which the protocol does not use.</source>
        <translation>Le hub a envoyé des données binaires, que le protocole n’utilise pas.</translation>
    </message>
    <message>
        <location line="-222"/>
        <source>Cannot reach the hub at %1: %2</source>
        <translation>Impossible de joindre le hub à %1 : %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The hub stopped answering.</source>
        <translation>Le hub ne répond plus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub did not complete the connection in time.</source>
        <translation>Le hub n’a pas établi la connexion à temps.</translation>
    </message>
    <message>
        <location line="+136"/>
        <location line="+41"/>
        <source>The hub sent a malformed packet: %1</source>
        <translation>Le hub a envoyé un paquet mal formé : %1</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>The hub sent a malformed handshake: %1</source>
        <translation>Le hub a envoyé une poignée de main mal formée : %1</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The hub cannot check this machine&apos;s token for now; trying again.</source>
        <translation>Le hub ne peut pas vérifier le jeton de cette machine pour le moment ; nouvel essai en cours.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The hub refused this machine&apos;s token. Ask the hub&apos;s owner for a new invite token and join again.</source>
        <translation>Le hub a refusé le jeton de cette machine. Demandez un nouveau jeton d’invitation au propriétaire du hub et rejoignez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This hub speaks sync protocol %1 and this desk speaks %2: update Studio Timer.</source>
        <translation>Ce hub parle le protocole de synchronisation %1 et ce poste le %2 : mettez Studio Timer à jour.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub refused the connection: %1</source>
        <translation>Le hub a refusé la connexion : %1</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>The hub closed the session.</source>
        <translation>Le hub a fermé la session.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The hub&apos;s answer names no organisation.</source>
        <translation>La réponse du hub ne nomme aucune organisation.</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>Cannot join the hub&apos;s organisation: %1</source>
        <translation>Impossible de rejoindre l’organisation du hub : %1</translation>
    </message>
    <message>
        <location filename="../core/sync/SyncClientChanges.cpp" line="+26"/>
        <source>The hub refused to send its history: %1</source>
        <translation>Le hub a refusé d’envoyer son historique : %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+85"/>
        <source>Cannot store the hub&apos;s changes: %1</source>
        <translation>Impossible d’enregistrer les modifications du hub : %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A change from the hub cannot be stored here: %1</source>
        <translation>Une modification venue du hub ne peut pas être enregistrée ici : %1</translation>
    </message>
    <message>
        <location filename="../core/sync/ConflictReapply.cpp" line="+31"/>
        <source>Stop re-applied after a sync conflict</source>
        <translation>Arrêt réappliqué après un conflit de synchronisation</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Only a change to an entry can be re-applied.</source>
        <translation>Seule une modification d’entrée peut être réappliquée.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>That refused change is no longer listed.</source>
        <translation>Cette modification refusée n’est plus dans la liste.</translation>
    </message>
    <message>
        <location filename="../core/sync/TlsPin.cpp" line="+60"/>
        <source>The hub at %1 showed a certificate with fingerprint %2, not the pinned %3. Check that this is the hub&apos;s address and that the fingerprint is the one &quot;studiotimer-hub org invite&quot; printed (a hub that made a new certificate has a new fingerprint). If both are right, someone may be intercepting the connection: nothing was sent.</source>
        <translation>Le hub %1 a présenté un certificat d’empreinte %2, et non l’empreinte épinglée %3. Vérifiez que c’est bien l’adresse du hub et que l’empreinte est celle qu’a affichée « studiotimer-hub org invite » (un hub qui a créé un nouveau certificat a une nouvelle empreinte). Si les deux sont justes, quelqu’un intercepte peut-être la connexion : rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
</context>
<context>
    <name>st::SyncSession</name>
    <message>
        <location filename="../core/backend/EmbeddedHub.cpp" line="+71"/>
        <source>Cannot create the hub&apos;s data folder %1.</source>
        <translation>Impossible de créer le dossier de données du hub %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot run the hub on port %1: %2</source>
        <translation>Impossible de lancer le hub sur le port %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/backend/SyncSession.cpp" line="+401"/>
        <location filename="../core/sync/SyncConfig.cpp" line="+181"/>
        <source>Enter the invite token given by the hub.</source>
        <translation>Saisissez le jeton d’invitation donné par le hub.</translation>
    </message>
    <message>
        <location filename="../core/sync/SyncConfig.cpp" line="-56"/>
        <source>&quot;%1&quot; is not a hub address: write a host name or IP address, optionally followed by :port (for example 192.168.1.20:7345).</source>
        <translation>« %1 » n’est pas une adresse de hub : écrivez un nom d’hôte ou une adresse IP, suivi si besoin de :port (par exemple 192.168.1.20:7345).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the hub&apos;s address (for example 192.168.1.20:7345).</source>
        <translation>Saisissez l’adresse du hub (par exemple 192.168.1.20:7345).</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>An invite token has no spaces: copy it again.</source>
        <translation>Un jeton d’invitation n’a pas d’espaces : copiez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot; is not a hub address: it starts with wss:// (or ws:// for plain text).</source>
        <translation>« %1 » n’est pas une adresse de hub : elle commence par wss:// (ou ws:// pour du texte en clair).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&quot;%1&quot;: the hubs of one database are all wss:// or all ws://, not both.</source>
        <translation>« %1 » : les hubs d’une même base de données sont tous en wss:// ou tous en ws://, pas les deux.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The invite code is cut short: copy all of it again.</source>
        <translation>Le code d’invitation est tronqué : copiez-le de nouveau en entier.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The token file %1 does not exist.</source>
        <translation>Le fichier de jeton %1 n’existe pas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The token file %1 can be read by other users: anyone who reads it can sync as this desk. Run: chmod 600 %1</source>
        <translation>Le fichier de jeton %1 est lisible par d’autres utilisateurs : quiconque le lit peut synchroniser au nom de ce poste. Lancez : chmod 600 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read the token file %1: %2</source>
        <translation>Impossible de lire le fichier de jeton %1 : %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The token file %1 holds no token: %2</source>
        <translation>Le fichier de jeton %1 ne contient aucun jeton : %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is not a certificate fingerprint: it has 64 hexadecimal digits (SHA-256), colons optional, as &quot;studiotimer-hub org invite&quot; prints it.</source>
        <translation>« %1 » n’est pas une empreinte de certificat : elle compte 64 chiffres hexadécimaux (SHA-256), deux-points facultatifs, comme l’affiche « studiotimer-hub org invite ».</translation>
    </message>
    <message>
        <location filename="../core/backend/SyncSession.cpp" line="+14"/>
        <source>No invite token is stored on this machine: enter it in Settings → Sync.</source>
        <translation>Aucun jeton d’invitation n’est enregistré sur cette machine : saisissez-le dans Réglages → Synchronisation.</translation>
    </message>
</context>
<context>
    <name>st::SyncSettingsPage</name>
    <message>
        <location filename="../ui/sync/SyncSettingsPage.cpp" line="+45"/>
        <source>192.168.1.20:7345</source>
        <translation>192.168.1.20:7345</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several hubs share one database: separate their addresses with commas. This machine uses the first that answers and moves to the next when one fails, without syncing again from the start.</source>
        <translation>Plusieurs hubs partagent une même base de données : séparez leurs adresses par des virgules. Cette machine utilise le premier qui répond et passe au suivant quand l’un d’eux tombe, sans tout resynchroniser depuis le début.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hub a&amp;ddresses:</source>
        <translation>Adresses des &amp;hubs :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hubs found on the network</source>
        <translation>Hubs trouvés sur le réseau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the invite token shown on the hub</source>
        <translation>Collez le jeton d’invitation affiché sur le hub</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filled in from the invite code</source>
        <translation>Rempli d’après le code d’invitation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The SHA-256 fingerprint of the hub&apos;s certificate, as the hub shows it: 64 hexadecimal digits, colons optional. A hub showing another certificate gets nothing, not even the token.</source>
        <translation>L’empreinte SHA-256 du certificat du hub, telle que le hub l’affiche : 64 chiffres hexadécimaux, deux-points facultatifs. Un hub qui présente un autre certificat ne reçoit rien, pas même le jeton.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Insecure: the token and every entry cross the network readable, and anyone on it can pretend to be the hub. Use plain text only on a network that is yours alone.</source>
        <translation>Non sécurisé : le jeton et chaque entrée traversent le réseau lisibles, et n’importe qui sur ce réseau peut se faire passer pour le hub. N’utilisez le texte en clair que sur un réseau qui n’est qu’à vous.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Shown once the hub runs</source>
        <translation>Affiché une fois le hub lancé</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>%1 (hub in use: %2)</source>
        <translation>%1 (hub utilisé : %2)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The invite code is for wss:// with the certificate %1, which the fields below do not match: paste the invite code again.</source>
        <translation>Le code d’invitation est pour wss:// avec le certificat %1, auquel les champs ci-dessous ne correspondent pas : collez à nouveau le code d’invitation.</translation>
    </message>
    <message>
        <location line="-240"/>
        <source>O&amp;ff: this machine keeps its data to itself</source>
        <translation>&amp;Désactivée : cette machine garde ses données pour elle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Join a hub</source>
        <translation>&amp;Rejoindre un hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;un the hub on this machine</source>
        <translation>Faire &amp;tourner le hub sur cette machine</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Found on the &amp;network:</source>
        <translation>Trouvés sur le ré&amp;seau :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invite &amp;token:</source>
        <translation>&amp;Jeton d’invitation :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Certificate finger&amp;print:</source>
        <translation>&amp;Empreinte du certificat :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain text (&amp;ws://), without encryption</source>
        <translation>Texte en &amp;clair (ws://), sans chiffrement</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Po&amp;rt:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Invite token for another &amp;machine:</source>
        <translation>Jeton d’invitation pour une autre &amp;machine :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cop&amp;y</source>
        <translation>Cop&amp;ier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;invite</source>
        <translation>&amp;Nouvelle invitation</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>No keychain is available: the token is kept for this run only and has to be entered again at the next start.</source>
        <translation>Aucun trousseau disponible : le jeton est gardé pour cette session seulement et devra être saisi à nouveau au prochain démarrage.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot listen for hubs: %1</source>
        <translation>Impossible de chercher des hubs : %1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The hub listens on port %1. %2</source>
        <translation>Le hub écoute sur le port %1. %2</translation>
    </message>
</context>
<context>
    <name>st::SyncStatusWidget</name>
    <message>
        <location filename="../ui/sync/SyncStatusWidget.cpp" line="+41"/>
        <source>Sync off</source>
        <translation>Synchronisation désactivée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sync off: %1</source>
        <translation>Synchronisation désactivée : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Offline, %n change(s) pending</source>
        <translation>
            <numerusform>Hors ligne, %n modification en attente</numerusform>
            <numerusform>Hors ligne, %n modifications en attente</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Connecting, %n change(s) pending</source>
        <translation>
            <numerusform>Connexion, %n modification en attente</numerusform>
            <numerusform>Connexion, %n modifications en attente</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not authorised by the hub</source>
        <translation>Non autorisé par le hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not authorised by the hub: %1</source>
        <translation>Non autorisé par le hub : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n refused change(s)</source>
        <translation>
            <numerusform>%n modification refusée</numerusform>
            <numerusform>%n modifications refusées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused changes</source>
        <translation>Modifications refusées</translation>
    </message>
</context>
<context>
    <name>st::SyncUi</name>
    <message>
        <location filename="../ui/sync/SyncUi.cpp" line="+31"/>
        <source>S&amp;ync</source>
        <translation>S&amp;ynchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync &amp;settings…</source>
        <translation>Réglages de &amp;synchronisation…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refused changes…</source>
        <translation>Modifications &amp;refusées…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Studio Timer</source>
        <translation>Studio Timer</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>another machine</source>
        <translation>une autre machine</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 started %2 in %3</source>
        <translation>%1 a démarré %2 dans %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 started %2</source>
        <translation>%1 a démarré %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 stopped %2 in %3</source>
        <translation>%1 a arrêté %2 dans %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 stopped %2</source>
        <translation>%1 a arrêté %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 paused %2</source>
        <translation>%1 a suspendu %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 resumed %2</source>
        <translation>%1 a repris %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
</context>
<context>
    <name>st::TaskTypesDialog</name>
    <message>
        <location filename="../ui/dialogs/TaskTypesDialog.cpp" line="+35"/>
        <location line="+7"/>
        <source>Task types</source>
        <translation>Types de tâche</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Move the selected task type up</source>
        <translation>Monter le type de tâche sélectionné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected task type down</source>
        <translation>Descendre le type de tâche sélectionné</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the colour of the task&apos;s button</source>
        <translation>Choisir la couleur du bouton de la tâche</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>/h</source>
        <translation>/h</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The first day a new rate applies to. Entries already recorded keep their rate.</source>
        <translation>Le premier jour auquel un nouveau tarif s’applique. Les entrées déjà enregistrées gardent leur tarif.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rate history:</source>
        <translation>Historique des tarifs :</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>&amp;Up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Down</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Co&amp;lour:</source>
        <translation>&amp;Couleur :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hourly &amp;rate:</source>
        <translation>&amp;Taux horaire :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New rate &amp;from:</source>
        <translation>Nouveau tarif à &amp;partir du :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Billable</source>
        <translation>Fact&amp;urable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;pply</source>
        <translation>App&amp;liquer</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+101"/>
        <source>Arc&amp;hive</source>
        <translation>A&amp;rchiver</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Archived task types keep their entries but no longer offer a button. Task types are never deleted.</source>
        <translation>Les types de tâche archivés gardent leurs entrées mais n’ont plus de bouton. Les types de tâche ne sont jamais supprimés.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Task colour</source>
        <translation>Couleur de la tâche</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 (archived)</source>
        <translation>%1 (archivé)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 from %2</source>
        <translation>%1 à partir du %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Res&amp;tore</source>
        <translation>Réta&amp;blir</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>New task %1</source>
        <translation>Nouvelle tâche %1</translation>
    </message>
</context>
<context>
    <name>st::TimerService</name>
    <message>
        <location filename="../core/timer/TimerService.cpp" line="+282"/>
        <source>The entry ID is not a UUID.</source>
        <translation>L’identifiant de l’entrée n’est pas un UUID.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An entry with this ID already exists.</source>
        <translation>Une entrée avec cet identifiant existe déjà.</translation>
    </message>
    <message>
        <location line="-175"/>
        <source>A paused timer cannot stop before its pause.</source>
        <translation>Un chronomètre en pause ne peut pas s’arrêter avant sa pause.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The timer is already paused.</source>
        <translation>Le chronomètre est déjà en pause.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A timer cannot pause before it starts.</source>
        <translation>Un chronomètre ne peut pas se mettre en pause avant de commencer.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The timer is not paused.</source>
        <translation>Le chronomètre n’est pas en pause.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A timer cannot resume before its pause.</source>
        <translation>Un chronomètre ne peut pas reprendre avant sa pause.</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerEdits.cpp" line="+38"/>
        <location line="+111"/>
        <source>An entry needs a duration: its end equals its start.</source>
        <translation>Une entrée doit avoir une durée : sa fin est égale à son début.</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>The paused time must fit inside the entry.</source>
        <translation>Le temps de pause doit tenir dans l’entrée.</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerBatch.cpp" line="+143"/>
        <location line="+4"/>
        <source>A new user needs a new ID.</source>
        <translation>Un nouvel utilisateur demande un nouvel identifiant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A user named &quot;%1&quot; exists already.</source>
        <translation>Un utilisateur nommé « %1 » existe déjà.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A new room needs a new ID.</source>
        <translation>Une nouvelle salle demande un nouvel identifiant.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../core/timer/TimerServiceDetail.h" line="+84"/>
        <source>A room named &quot;%1&quot; exists already.</source>
        <translation>Une salle nommée « %1 » existe déjà.</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerEdits.cpp" line="+64"/>
        <source>An adjustment needs a reason.</source>
        <translation>Une correction demande une raison.</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerService.cpp" line="+76"/>
        <source>No such user.</source>
        <translation>Utilisateur inconnu.</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerEdits.cpp" line="+47"/>
        <source>A running timer cannot start in the future.</source>
        <translation>Un chronomètre en cours ne peut pas commencer dans le futur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A paused timer cannot start after its pause.</source>
        <translation>Un chronomètre en pause ne peut pas commencer après sa pause.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The adjustment changes nothing.</source>
        <translation>La correction ne change rien.</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerCatalog.cpp" line="+229"/>
        <location filename="../core/timer/TimerEdits.cpp" line="+97"/>
        <location filename="../core/timer/TimerService.cpp" line="+11"/>
        <source>No entry %1.</source>
        <translation>Aucune entrée %1.</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerEdits.cpp" line="+2"/>
        <source>The entry is not deleted.</source>
        <translation>L’entrée n’est pas supprimée.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Deletion undone</source>
        <translation>Suppression annulée</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerCatalog.cpp" line="-205"/>
        <source>A currency is a three-letter ISO 4217 code such as EUR.</source>
        <translation>Une devise est un code ISO 4217 de trois lettres, comme EUR.</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerRates.cpp" line="+26"/>
        <location line="+20"/>
        <location filename="../core/timer/TimerService.cpp" line="-37"/>
        <location filename="../core/timer/TimerServiceDetail.h" line="-32"/>
        <source>No such task type.</source>
        <translation>Type de tâche inconnu.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>A rate takes effect from today or an earlier day.</source>
        <translation>Un tarif prend effet aujourd’hui ou un jour passé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rate is out of range.</source>
        <translation>Le tarif est hors limites.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The period ends before it starts.</source>
        <translation>La période se termine avant de commencer.</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerServiceDetail.h" line="+4"/>
        <source>A task type named &quot;%1&quot; exists already.</source>
        <translation>Un type de tâche nommé « %1 » existe déjà.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>A client named &quot;%1&quot; exists already.</source>
        <translation>Un client nommé « %1 » existe déjà.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>A project named &quot;%1&quot; exists already.</source>
        <translation>Un projet nommé « %1 » existe déjà.</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerRoster.cpp" line="+36"/>
        <location filename="../core/timer/TimerService.cpp" line="+9"/>
        <location filename="../core/timer/TimerServiceDetail.h" line="-60"/>
        <source>No such room.</source>
        <translation>Salle inconnue.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No such person.</source>
        <translation>Personne inconnue.</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>&quot;%1&quot; has this name already.</source>
        <translation>« %1 » porte déjà ce nom.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A room named &quot;%1&quot; exists already: use merge to move the entries of &quot;%2&quot; into it.</source>
        <translation>Une salle nommée « %1 » existe déjà : utilisez la fusion (merge) pour y déplacer les entrées de « %2 ».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A person named &quot;%1&quot; exists already: use merge to move the entries of &quot;%2&quot; to them.</source>
        <translation>Une personne nommée « %1 » existe déjà : utilisez la fusion (merge) pour lui donner les entrées de « %2 ».</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; is archived already.</source>
        <translation>« %1 » est déjà archivé.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&quot;%1&quot; is not archived.</source>
        <translation>« %1 » n’est pas archivé.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; cannot be merged into itself.</source>
        <translation>« %1 » ne peut pas être fusionné avec lui-même.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; has entries in the locked period; unlock it to merge. %2</source>
        <translation>« %1 » a des entrées dans la période verrouillée ; déverrouillez-la pour fusionner. %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; and &quot;%2&quot; both have a timer running: stop one first.</source>
        <translation>« %1 » et « %2 » ont chacun un chronomètre en cours : arrêtez-en un d’abord.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unknown change &quot;%1&quot;.</source>
        <translation>Modification inconnue « %1 ».</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerCatalog.cpp" line="+60"/>
        <location filename="../core/timer/TimerServiceDetail.h" line="+28"/>
        <source>No such client.</source>
        <translation>Client inconnu.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>No task type &quot;%1&quot;. Known task types: %2.</source>
        <translation>Aucun type de tâche « %1 ». Types connus : %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No room &quot;%1&quot;.</source>
        <translation>Aucune salle « %1 ».</translation>
    </message>
    <message>
        <location filename="../core/store/CatalogRepository.cpp" line="+102"/>
        <location filename="../core/timer/TimerCatalog.cpp" line="+13"/>
        <source>No user &quot;%1&quot;.</source>
        <translation>Aucun utilisateur « %1 ».</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerCatalog.cpp" line="+24"/>
        <source>Several entries start with &quot;%1&quot;: give more of the ID.</source>
        <translation>Plusieurs entrées commencent par « %1 » : donnez une plus grande partie de l’identifiant.</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerBatch.cpp" line="+140"/>
        <location filename="../core/timer/TimerEdits.cpp" line="+20"/>
        <source>This overlaps %1 (entry %2).</source>
        <translation>Cela chevauche %1 (entrée %2).</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerService.cpp" line="-7"/>
        <source>The task type &quot;%1&quot; is archived.</source>
        <translation>Le type de tâche « %1 » est archivé.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No timer is running.</source>
        <translation>Aucun chronomètre en cours.</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerEdits.cpp" line="+12"/>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2–%3</source>
        <translation>%1 %2–%3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>an entry</source>
        <translation>une entrée</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerProjects.cpp" line="+59"/>
        <source>No client &quot;%1&quot;. There are no clients yet.</source>
        <translation>Aucun client « %1 ». Il n’y a encore aucun client.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No client &quot;%1&quot;. Known clients: %2.</source>
        <translation>Aucun client « %1 ». Clients connus : %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No project &quot;%1&quot;. There are no projects yet.</source>
        <translation>Aucun projet « %1 ». Il n’y a encore aucun projet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No project &quot;%1&quot;. Known projects: %2.</source>
        <translation>Aucun projet « %1 ». Projets connus : %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../core/timer/TimerServiceDetail.h" line="+28"/>
        <source>No such project.</source>
        <translation>Projet inconnu.</translation>
    </message>
    <message>
        <location filename="../core/timer/TimerLocks.cpp" line="+35"/>
        <source>The period up to %1 is locked: entries on or before that day cannot be added, changed or deleted.</source>
        <translation>La période jusqu’au %1 est verrouillée : les entrées de ce jour ou avant ne peuvent plus être ajoutées, modifiées ni supprimées.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A lock needs a day.</source>
        <translation>Un verrouillage demande un jour.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A period can be locked up to today at the latest, not %1.</source>
        <translation>Une période se verrouille au plus tard jusqu’à aujourd’hui, pas jusqu’au %1.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No period is locked.</source>
        <translation>Aucune période n’est verrouillée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The period up to %1 is locked already.</source>
        <translation>La période jusqu’au %1 est déjà verrouillée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../core/timer/TimerRoster.cpp" line="-75"/>
        <source>The audit ID is not a UUID.</source>
        <translation>L’ID de la ligne d’historique n’est pas un UUID.</translation>
    </message>
</context>
<context>
    <name>st::Timesheet</name>
    <message>
        <location filename="../ui/timesheet/TimesheetData.cpp" line="+106"/>
        <source>Type a duration to add, such as 1:30.</source>
        <translation>Tapez une durée à ajouter, comme 1:30.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A timer is running on %1: stop it before adding time to that day.</source>
        <translation>Un chronomètre tourne le %1 : arrêtez-le avant d’ajouter du temps à ce jour.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 more does not fit on %2: the day&apos;s last entry ends at %3, and it would run past midnight.</source>
        <translation>%1 de plus ne tient pas le %2 : la dernière entrée du jour finit à %3, et cela dépasserait minuit.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 more on %2 would end at %3, which is still to come.</source>
        <translation>%1 de plus le %2 finirait à %3, qui n’est pas encore passé.</translation>
    </message>
</context>
<context>
    <name>st::TimesheetModel</name>
    <message>
        <location filename="../ui/timesheet/TimesheetModel.cpp" line="+88"/>
        <source>No project</source>
        <translation>Sans projet</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+41"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Type a duration to add to this day, such as 1:30, 90m or 1.5h.</source>
        <translation>Tapez une durée à ajouter à ce jour, comme 1:30, 90m ou 1,5h.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
</context>
<context>
    <name>st::TimesheetView</name>
    <message>
        <location filename="../ui/timesheet/TimesheetView.cpp" line="+37"/>
        <location line="+20"/>
        <source>Week timesheet</source>
        <translation>Feuille de temps de la semaine</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>◀ Previous week</source>
        <translation>◀ Semaine précédente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next week ▶</source>
        <translation>Semaine suivante ▶</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Project of the new row</source>
        <translation>Projet de la nouvelle ligne</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Task type of the new row</source>
        <translation>Type de tâche de la nouvelle ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add row</source>
        <translation>Ajouter la ligne</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Another row:</source>
        <translation>Autre ligne :</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No project</source>
        <translation>Sans projet</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Added %1 from %2 to %3.</source>
        <translation>%1 ajouté de %2 à %3.</translation>
    </message>
</context>
<context>
    <name>st::TransferProgressDialog</name>
    <message numerus="yes">
        <location filename="../ui/TransferProgressDialog.cpp" line="+83"/>
        <source>%p% · %Ln row(s)</source>
        <translation>
            <numerusform>%p % · %Ln ligne</numerusform>
            <numerusform>%p % · %Ln lignes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>st::TrayIcon</name>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="+99"/>
        <source>Start %1</source>
        <translation>Démarrer %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Continue</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the last entry again: same task, room and note</source>
        <translation>Relancer la dernière entrée : même tâche, même salle, même note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue recent</source>
        <translation>Reprendre un travail récent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, no project</source>
        <translation>%1, sans projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+19"/>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show window</source>
        <translation>Afficher la fenêtre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Studio Timer: %1 paused at %2</source>
        <translation>Studio Timer : %1 en pause à %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Studio Timer: %1, %2</source>
        <translation>Studio Timer : %1, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Studio Timer: no timer running</source>
        <translation>Studio Timer : aucun chronomètre en cours</translation>
    </message>
</context>
<context>
    <name>st::autostart</name>
    <message>
        <location filename="../core/platform/Autostart.cpp" line="+28"/>
        <source>Cannot remove %1.</source>
        <translation>Impossible de supprimer %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot create the autostart folder.</source>
        <translation>Impossible de créer le dossier de démarrage automatique.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>st::csv</name>
    <message>
        <location filename="../core/report/Csv.cpp" line="+165"/>
        <source>Line %1: a control character (U+%2) is not text; remove it.</source>
        <translation>Ligne %1 : un caractère de contrôle (U+%2) n’est pas du texte ; supprimez-le.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Line %1: a carriage return must be followed by a line feed.</source>
        <translation>Ligne %1 : un retour chariot doit être suivi d’un saut de ligne.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Line %1: a quote inside an unquoted field (quote the whole field and double the quote).</source>
        <translation>Ligne %1 : un guillemet dans un champ sans guillemets (mettez tout le champ entre guillemets et doublez le guillemet).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Line %1: text after the closing quote of a field.</source>
        <translation>Ligne %1 : du texte après le guillemet fermant d’un champ.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Line %1: a quoted field is not closed before the end of the file.</source>
        <translation>Ligne %1 : un champ entre guillemets n’est pas fermé avant la fin du fichier.</translation>
    </message>
</context>
<context>
    <name>st::demo</name>
    <message>
        <location filename="../core/timer/DemoData.cpp" line="+38"/>
        <source>Studio A</source>
        <translation>Studio A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Studio B</source>
        <translation>Studio B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live Room</source>
        <translation>Salle de prise</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>There are no task types.</source>
        <translation>Il n’y a aucun type de tâche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drums, take 4</source>
        <translation>Batterie, prise 4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vocals comp</source>
        <translation>Comp des voix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bass DI + amp</source>
        <translation>Basse DI + ampli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client revisions</source>
        <translation>Retouches du client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stems for the label</source>
        <translation>Stems pour le label</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Forgot to stop the timer during lunch</source>
        <translation>Oubli d’arrêter le chronomètre pendant le déjeuner</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Single &quot;Northern Lights&quot;, mix v3</source>
        <translation>Single « Northern Lights », mix v3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choir overdubs</source>
        <translation>Overdubs de chœur</translation>
    </message>
</context>
<context>
    <name>st::entryFormat</name>
    <message>
        <location filename="../ui/models/EntryFormat.cpp" line="+27"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adjusted</source>
        <translation>Corrigée</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Adjusted after the fact: the audit trail is in the adjust dialog.</source>
        <translation>Corrigée après coup : l’historique des corrections est dans la fenêtre de correction.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Client: %1</source>
        <translation>Client : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No client</source>
        <translation>Aucun client</translation>
    </message>
</context>
<context>
    <name>st::json</name>
    <message>
        <location filename="../core/domain/Json.cpp" line="+34"/>
        <source>Field &quot;%1&quot; %2.</source>
        <translation>Le champ « %1 » %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+100"/>
        <location line="+4"/>
        <source>must be text</source>
        <translation>doit être du texte</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>must be a UUID</source>
        <translation>doit être un UUID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be a number</source>
        <translation>doit être un nombre</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be true or false</source>
        <translation>doit valoir true ou false</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Field &quot;hourlyRateCents&quot; is out of range.</source>
        <translation>Le champ « hourlyRateCents » est hors limites.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field &quot;source&quot; must be &quot;timer&quot; or &quot;manual&quot;.</source>
        <translation>Le champ « source » doit valoir « timer » ou « manual ».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The entry&apos;s pause is inconsistent.</source>
        <translation>La pause de l’entrée est incohérente.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Field &quot;rates&quot; must be a list.</source>
        <translation>Le champ « rates » doit être une liste.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Field &quot;from&quot; must be a day (YYYY-MM-DD).</source>
        <translation>Le champ « from » doit être un jour (AAAA-MM-JJ).</translation>
    </message>
</context>
<context>
    <name>st::preferences</name>
    <message>
        <location filename="../core/backend/Preferences.cpp" line="+89"/>
        <source>Unknown language &quot;%1&quot;.</source>
        <translation>Langue inconnue « %1 ».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown appearance &quot;%1&quot; (system, light or dark).</source>
        <translation>Apparence inconnue « %1 » (system, light ou dark).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Away after 0 to %1 minutes, remind after 0 to %2 hours.</source>
        <translation>Absent après 0 à %1 minutes, rappel après 0 à %2 heures.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep 0 to %1 daily copies.</source>
        <translation>Gardez de 0 à %1 copies quotidiennes.</translation>
    </message>
</context>
<context>
    <name>st::profile</name>
    <message>
        <location filename="../core/timer/Profile.cpp" line="+32"/>
        <source>Engineer</source>
        <translation>Ingé son</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Setup</source>
        <translation>Installation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixing</source>
        <translation>Mixage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mastering</source>
        <translation>Mastering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>My Studio</source>
        <translation>Mon studio</translation>
    </message>
</context>
<context>
    <name>st::protocol</name>
    <message>
        <location filename="../core/protocol/Answers.cpp" line="+49"/>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>This hub speaks sync protocol %1 and this desk speaks %2: update Studio Timer.</source>
        <translation>Ce hub parle le protocole de synchronisation %1 et ce poste le %2 : mettez Studio Timer à jour.</translation>
    </message>
    <message>
        <location filename="../core/protocol/Broadcasts.cpp" line="+204"/>
        <location line="+37"/>
        <location line="+6"/>
        <location line="+70"/>
        <source>must be an array</source>
        <translation>doit être un tableau</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../core/protocol/Fields.cpp" line="+156"/>
        <source>must be an object</source>
        <translation>doit être un objet</translation>
    </message>
    <message>
        <location line="-39"/>
        <location filename="../core/protocol/Requests.cpp" line="+358"/>
        <source>Unknown event &quot;%1&quot;.</source>
        <translation>Événement inconnu « %1 ».</translation>
    </message>
    <message>
        <location filename="../core/protocol/Fields.cpp" line="-102"/>
        <source>must be a UUID string</source>
        <translation>doit être un UUID sous forme de texte</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be a string</source>
        <translation>doit être du texte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is too long</source>
        <translation>est trop long</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>must be an integer (milliseconds since the epoch)</source>
        <translation>doit être un entier (millisecondes depuis l’epoch)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be an integer</source>
        <translation>doit être un entier</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be true or false</source>
        <translation>doit valoir true ou false</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>must be a list of words</source>
        <translation>doit être une liste de mots</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be a rate from 0 to %1</source>
        <translation>doit être un tarif de 0 à %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>must be a day such as 2026-10-31</source>
        <translation>doit être un jour tel que 2026-10-31</translation>
    </message>
    <message>
        <location filename="../core/protocol/Requests.cpp" line="-62"/>
        <source>must be a day such as 2026-10-31, or null</source>
        <translation>doit être un jour tel que 2026-10-31, ou null</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>must be a day on or after from</source>
        <translation>doit être un jour égal ou postérieur à from</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must map entry IDs to trail row IDs</source>
        <translation>doit associer des ID d’entrée à des ID de ligne d’historique</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>%1: the payload must be an object.</source>
        <translation>%1 : le contenu doit être un objet.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: since must not be negative.</source>
        <translation>%1 : since ne doit pas être négatif.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: limit must be between 1 and %2.</source>
        <translation>%1 : limit doit être compris entre 1 et %2.</translation>
    </message>
    <message>
        <location filename="../core/protocol/Roster.cpp" line="+23"/>
        <source>must be &quot;room&quot; or &quot;user&quot;</source>
        <translation>doit valoir « room » ou « user »</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be rename, archive, unarchive or merge</source>
        <translation>doit valoir rename, archive, unarchive ou merge</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>must not be negative</source>
        <translation>ne doit pas être négatif</translation>
    </message>
</context>
<context>
    <name>st::sio</name>
    <message>
        <location filename="../core/sync/SocketIoCodec.cpp" line="+82"/>
        <source>A CONNECT packet&apos;s data must be a JSON object.</source>
        <translation>Les données d’un paquet CONNECT doivent être un objet JSON.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A DISCONNECT packet carries no data.</source>
        <translation>Un paquet DISCONNECT ne porte aucune donnée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A CONNECT_ERROR packet&apos;s data must be a JSON object or string.</source>
        <translation>Les données d’un paquet CONNECT_ERROR doivent être un objet ou une chaîne JSON.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An EVENT packet&apos;s data must be a JSON array.</source>
        <translation>Les données d’un paquet EVENT doivent être un tableau JSON.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An EVENT packet must start with the event name as a string.</source>
        <translation>Un paquet EVENT doit commencer par le nom de l’événement, sous forme de chaîne.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An EVENT packet may not use a reserved event name.</source>
        <translation>Un paquet EVENT ne peut pas utiliser un nom d’événement réservé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An ACK packet&apos;s data must be a JSON array.</source>
        <translation>Les données d’un paquet ACK doivent être un tableau JSON.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An ACK packet needs an ack id.</source>
        <translation>Un paquet ACK a besoin d’un identifiant d’accusé de réception.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The Engine.IO packet is empty.</source>
        <translation>Le paquet Engine.IO est vide.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Engine.IO packet type is not one of 0-6.</source>
        <translation>Le type du paquet Engine.IO n’est pas compris entre 0 et 6.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The open packet is not a JSON object.</source>
        <translation>Le paquet d’ouverture n’est pas un objet JSON.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The open packet has no session id.</source>
        <translation>Le paquet d’ouverture n’a pas d’identifiant de session.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The open packet&apos;s pingInterval, pingTimeout or maxPayload is missing or not a positive integer.</source>
        <translation>pingInterval, pingTimeout ou maxPayload manque dans le paquet d’ouverture, ou n’est pas un entier positif.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The open packet&apos;s upgrades is not an array.</source>
        <translation>Le champ upgrades du paquet d’ouverture n’est pas un tableau.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The Socket.IO packet is empty.</source>
        <translation>Le paquet Socket.IO est vide.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Socket.IO packet type is not one of 0-6.</source>
        <translation>Le type du paquet Socket.IO n’est pas compris entre 0 et 6.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The binary packet&apos;s attachment count is malformed.</source>
        <translation>Le nombre de pièces jointes du paquet binaire est mal formé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The packet has more binary attachments than allowed (10).</source>
        <translation>Le paquet a plus de pièces jointes binaires que permis (10).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The namespace holds a character it may not hold.</source>
        <translation>L’espace de noms contient un caractère interdit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The namespace is too long.</source>
        <translation>L’espace de noms est trop long.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The namespace does not start with &apos;/&apos;.</source>
        <translation>L’espace de noms ne commence pas par « / ».</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>The ack id is out of range.</source>
        <translation>L’identifiant d’accusé de réception est hors limites.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This packet type takes no ack id.</source>
        <translation>Ce type de paquet n’accepte pas d’identifiant d’accusé de réception.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The ack id is not a number, or the data is not JSON.</source>
        <translation>L’identifiant d’accusé de réception n’est pas un nombre, ou les données ne sont pas du JSON.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The packet&apos;s data is not valid JSON.</source>
        <translation>Les données du paquet ne sont pas du JSON valide.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The Engine.IO packet is not a message.</source>
        <translation>Le paquet Engine.IO n’est pas un message.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A binary placeholder refers to an attachment that does not exist.</source>
        <translation>Un emplacement binaire renvoie à une pièce jointe qui n’existe pas.</translation>
    </message>
</context>
<context>
    <name>st::validate</name>
    <message>
        <location filename="../core/domain/Types.cpp" line="+89"/>
        <source>A name is required.</source>
        <translation>Un nom est obligatoire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A name is at most %1 characters.</source>
        <translation>Un nom compte au plus %1 caractères.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A note is at most %1 characters.</source>
        <translation>Une note compte au plus %1 caractères.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The task type has no valid ID.</source>
        <translation>Le type de tâche n’a pas d’identifiant valide.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+20"/>
        <source>A colour is written #rrggbb, not &quot;%1&quot;.</source>
        <translation>Une couleur s’écrit #rrggbb, pas « %1 ».</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+25"/>
        <source>The hourly rate must be between 0 and %1.</source>
        <translation>Le taux horaire doit être compris entre 0 et %1.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>The room has no valid ID.</source>
        <translation>La salle n’a pas d’identifiant valide.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The client has no valid ID.</source>
        <translation>Le client n’a pas d’identifiant valide.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The project has no valid ID.</source>
        <translation>Le projet n’a pas d’identifiant valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The project&apos;s client has no valid ID.</source>
        <translation>Le client du projet n’a pas d’identifiant valide.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A budget is in hours or in money, not both.</source>
        <translation>Un budget est en heures ou en argent, pas les deux.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The budget is out of range.</source>
        <translation>Le budget est hors limites.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An entry has at most %1 tags.</source>
        <translation>Une entrée a au plus %1 étiquettes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A tag is a word of 1 to %1 characters.</source>
        <translation>Une étiquette est un mot de 1 à %1 caractères.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A tag is one word, without spaces or commas: &quot;%1&quot;.</source>
        <translation>Une étiquette est un seul mot, sans espaces ni virgules : « %1 ».</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The start time is out of range.</source>
        <translation>L’heure de début est hors limites.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The end time is out of range.</source>
        <translation>L’heure de fin est hors limites.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An entry cannot end before it starts.</source>
        <translation>Une entrée ne peut pas finir avant de commencer.</translation>
    </message>
    <message>
        <location filename="../core/domain/Rates.cpp" line="+54"/>
        <source>A rate history starts on %1.</source>
        <translation>Un historique de tarifs commence le %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The steps of a rate history must be in day order.</source>
        <translation>Les étapes d’un historique de tarifs doivent suivre l’ordre des jours.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A rate in the history is out of range.</source>
        <translation>Un tarif de l’historique est hors limites.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The task type&apos;s rate must be its latest rate.</source>
        <translation>Le tarif du type de tâche doit être son dernier tarif.</translation>
    </message>
</context>
<context>
    <name>studiotimer_hub</name>
    <message>
        <location filename="../app/hub_main.cpp" line="+131"/>
        <source>Usage: org create NAME | org invite ORG_ID | org revoke TOKEN | org list</source>
        <translation>Utilisation : org create NOM | org invite ID_ORG | org revoke JETON | org list</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Usage: backup [FILE]</source>
        <translation>Utilisation : backup [FICHIER]</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No such file.</source>
        <translation>Ce fichier n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Studio Timer&apos;s LAN sync hub (Socket.IO v4).</source>
        <translation>Hub de synchronisation réseau local de Studio Timer (Socket.IO v4).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port to listen on.</source>
        <translation>Port d’écoute.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address to listen on.</source>
        <translation>Adresse d’écoute.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data folder.</source>
        <translation>Dossier de données.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keeps the hub&apos;s data in PostgreSQL instead of the data folder&apos;s SQLite file, shared by every hub given the same database: a libpq URI, postgresql://user@host:port/database or postgresql://user@/database?host=/socket/dir. Give the password with PGPASSWORD or ~/.pgpass (one in the URI shows in the process list).</source>
        <translation>Garde les données du hub dans PostgreSQL au lieu du fichier SQLite du dossier de données, partagées par tous les hubs qui reçoivent la même base : une URI libpq, postgresql://utilisateur@hôte:port/base ou postgresql://utilisateur@/base?host=/dossier/du/socket. Donnez le mot de passe avec PGPASSWORD ou ~/.pgpass (un mot de passe dans l&apos;URI apparaît dans la liste des processus).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>migrate: the data folder of the hub whose SQLite data moves to --database.</source>
        <translation>migrate : le dossier de données du hub dont les données SQLite partent vers --database.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PEM certificate (serves wss://).</source>
        <translation>Certificat PEM (sert en wss://).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PEM private key.</source>
        <translation>Clé privée PEM.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Serves wss:// with the hub&apos;s own certificate, made in the data folder on first run; desks pin its fingerprint.</source>
        <translation>Sert en wss:// avec le certificat propre au hub, créé dans le dossier de données au premier lancement ; les postes épinglent son empreinte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requests per second and socket (bursts up to 5 seconds&apos; worth); 0: no limit.</source>
        <translation>Requêtes par seconde et par socket (rafales jusqu’à 5 secondes de requêtes) ; 0 : sans limite.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Does not announce the hub on the local network (UDP broadcasts to port 7346, which desks&apos; &quot;Join a hub&quot; lists).</source>
        <translation>N’annonce pas le hub sur le réseau local (diffusions UDP vers le port 7346, que « Rejoindre un hub » liste sur les postes).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connections one device token may hold; 0: no limit.</source>
        <translation>Connexions qu’un jeton d’appareil peut ouvrir ; 0 : sans limite.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connections one organisation may hold; 0: no limit.</source>
        <translation>Connexions qu’une organisation peut ouvrir ; 0 : sans limite.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connections not yet logged in (before their CONNECT is accepted); 0: no limit.</source>
        <translation>Connexions pas encore identifiées (avant que leur CONNECT soit accepté) ; 0 : sans limite.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bytes waiting to go out to one desk beyond which it is cut off (it reconnects and catches up); 0: no limit.</source>
        <translation>Octets en attente d’envoi vers un poste au-delà desquels il est coupé (il se reconnecte et rattrape son retard) ; 0 : sans limite.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>org create NAME | org invite ORG_ID | org revoke TOKEN | org list</source>
        <translation>org create NOM | org invite ID_ORG | org revoke JETON | org list</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>backup [FILE]: a checked copy of the hub&apos;s database</source>
        <translation>backup [FICHIER] : une copie vérifiée de la base du hub</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>migrate --from-sqlite DIR --database URL: moves a hub&apos;s data to PostgreSQL</source>
        <translation>migrate --from-sqlite DOSSIER --database URL : déplace les données d&apos;un hub vers PostgreSQL</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Commande inconnue « %1 ».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Usage: migrate --from-sqlite DIR --database URL</source>
        <translation>Usage : migrate --from-sqlite DOSSIER --database URL</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--port needs a number from 0 to 65535.</source>
        <translation>--port demande un nombre de 0 à 65535.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--rate-limit needs a number from 0 to 1000000.</source>
        <translation>--rate-limit demande un nombre de 0 à 1000000.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--%1 needs a number from 0 to %2.</source>
        <translation>--%1 attend un nombre de 0 à %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--bind needs an IP address.</source>
        <translation>--bind demande une adresse IP.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert et --tls-key vont ensemble.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--tls-self-signed and --tls-cert exclude each other.</source>
        <translation>--tls-self-signed et --tls-cert s’excluent.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The hub&apos;s data is in PostgreSQL: back it up with pg_dump.</source>
        <translation>Les données du hub sont dans PostgreSQL : sauvegardez-les avec pg_dump.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot set up signal handling.</source>
        <translation>Impossible de mettre en place la gestion des signaux.</translation>
    </message>
</context>
</TS>
