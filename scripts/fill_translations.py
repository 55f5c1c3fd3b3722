"""Fill the French and Spanish catalogues from the glossary below (run after makemessages).

Keeps any translation already in a catalogue; prints the msgids still untranslated.
"""

import re
import sys
from pathlib import Path

GLOSSARY = {
    "Skip to main content": ("Aller au contenu principal", "Ir al contenido principal"),
    "Convention on Cluster Munitions": ("Convention sur les armes à sous-munitions", "Convención sobre Municiones en Racimo"),
    "Signed in as %(name)s (%(role)s)": ("Connecté en tant que %(name)s (%(role)s)", "Sesión iniciada como %(name)s (%(role)s)"),
    "Sign out": ("Se déconnecter", "Cerrar sesión"),
    "Sign in": ("Se connecter", "Iniciar sesión"),
    "Language": ("Langue", "Idioma"),
    "Change": ("Changer", "Cambiar"),
    "Main": ("Principale", "Principal"),
    "States and obligations": ("États et obligations", "Estados y obligaciones"),
    "Due and overdue": ("Échéances et retards", "Plazos y atrasos"),
    "API": ("API", "API"),
    "Back office": ("Administration", "Administración"),
    "Home": ("Accueil", "Inicio"),
    "What you can do here": ("Ce que vous pouvez faire ici", "Lo que puede hacer aquí"),
    "What each State Party owes on a given date.": ("Ce que chaque État partie doit à une date donnée.", "Lo que cada Estado parte debe en una fecha dada."),
    "The same records for programs, described by OpenAPI.": ("Les mêmes données pour les programmes, décrites par OpenAPI.", "Los mismos registros para programas, descritos con OpenAPI."),
    "plenary runs the machinery of the Convention: meetings, documents, decisions and obligations.": ("plenary fait fonctionner le mécanisme de la Convention : réunions, documents, décisions et obligations.", "plenary hace funcionar el mecanismo de la Convención: reuniones, documentos, decisiones y obligaciones."),
    "The record of the Convention: who is bound by it, what is due, and what the States Parties decided.": ("Le registre de la Convention : qui est lié, ce qui est dû et ce que les États parties ont décidé.", "El registro de la Convención: quién está obligado, qué se debe y qué decidieron los Estados partes."),
    "The status of every State on any date, deadlines under Articles 3, 4 and 7, extensions granted.": ("Le statut de chaque État à toute date, les délais des articles 3, 4 et 7, les prolongations accordées.", "La situación de cada Estado en cualquier fecha, los plazos de los artículos 3, 4 y 7, las prórrogas concedidas."),
    "Forgotten your password?": ("Mot de passe oublié ?", "¿Olvidó su contraseña?"),
    "Password changed": ("Mot de passe modifié", "Contraseña cambiada"),
    "Sign in with your new password": ("Connectez-vous avec votre nouveau mot de passe", "Inicie sesión con su nueva contraseña"),
    "Choose a new password": ("Choisissez un nouveau mot de passe", "Elija una nueva contraseña"),
    "Change my password": ("Changer mon mot de passe", "Cambiar mi contraseña"),
    "Check your e-mail": ("Consultez votre messagerie", "Revise su correo electrónico"),
    "Reset your password": ("Réinitialiser votre mot de passe", "Restablecer su contraseña"),
    "Send the reset link": ("Envoyer le lien", "Enviar el enlace"),
    "English": ("Anglais", "Inglés"),
    "French": ("Français", "Francés"),
    "Spanish": ("Espagnol", "Español"),
    "Secretariat": ("Secrétariat", "Secretaría"),
    "Presidency": ("Présidence", "Presidencia"),
    "Implementation Support Unit": ("Unité d'appui à l'application", "Dependencia de Apoyo a la Aplicación"),
    "Coordinator": ("Coordonnateur", "Coordinador"),
    "Delegation": ("Délégation", "Delegación"),
    "Observer": ("Observateur", "Observador"),
    "History of %(object)s": ("Historique de %(object)s", "Historial de %(object)s"),
    "Every change to this record, newest first": ("Chaque modification de cet enregistrement, la plus récente d'abord", "Cada cambio de este registro, el más reciente primero"),
    "When": ("Quand", "Cuándo"),
    "Who": ("Qui", "Quién"),
    "What": ("Quoi", "Qué"),
    "Changes": ("Modifications", "Cambios"),
    "No changes recorded.": ("Aucune modification enregistrée.", "No hay cambios registrados."),
    "Status on": ("Statut au", "Situación al"),
    "Status": ("Statut", "Situación"),
    "Any": ("Tous", "Todos"),
    "Obligation": ("Obligation", "Obligación"),
    "Obligations": ("Obligations", "Obligaciones"),
    "Article 3": ("Article 3", "Artículo 3"),
    "Article 4": ("Article 4", "Artículo 4"),
    "Name or code": ("Nom ou code", "Nombre o código"),
    "State": ("État", "Estado"),
    "States": ("États", "Estados"),
    "States on %(date)s": ("États au %(date)s", "Estados al %(date)s"),
    "Original deadline": ("Délai initial", "Plazo original"),
    "Current deadline": ("Délai en vigueur", "Plazo vigente"),
    "Show": ("Afficher", "Mostrar"),
    "Signatory": ("Signataire", "Signatario"),
    "State Party": ("État partie", "Estado parte"),
    "Not party": ("Non partie", "No parte"),
    "Timeline": ("Chronologie", "Cronología"),
    "Signature": ("Signature", "Firma"),
    "Deposit": ("Dépôt", "Depósito"),
    "Entry into force": ("Entrée en vigueur", "Entrada en vigor"),
    "Deadline": ("Délai", "Plazo"),
    "Due and overdue on %(date)s": ("Échéances et retards au %(date)s", "Plazos y atrasos al %(date)s"),
    "Status on %(date)s": ("Statut au %(date)s", "Situación al %(date)s"),
    "State Party, in force for it since %(date)s": ("État partie, lié depuis le %(date)s", "Estado parte, en vigor para él desde el %(date)s"),
}


def fill(path: Path, column: int) -> list[str]:
    text = path.read_text(encoding="utf-8")
    missing = []

    def replace(match: re.Match) -> str:
        msgid, msgstr = match.group(1), match.group(2)
        if msgstr or not msgid:
            return match.group(0)
        if msgid in GLOSSARY:
            translated = GLOSSARY[msgid][column].replace('"', '\\"')
            return f'msgid "{msgid}"\nmsgstr "{translated}"'
        missing.append(msgid)
        return match.group(0)

    text = re.sub(r'^msgid "(.*)"\nmsgstr "(.*)"$', replace, text, flags=re.M)
    path.write_text(text.replace("#, fuzzy\n", ""), encoding="utf-8")
    return missing


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "src/plenary/locale")
    for code, column in (("fr", 0), ("es", 1)):
        left = fill(root / code / "LC_MESSAGES" / "django.po", column)
        print(f"{code}: {len(left)} untranslated")
