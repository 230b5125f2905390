# The clients and projects manager, and rooms and people (issue 12).
target_sources(studiotimer_ui PRIVATE
    projects/CatalogFields.cpp projects/CatalogFields.h
    projects/CatalogPage.cpp projects/CatalogPage.h
    projects/ClientsPage.cpp projects/ClientsPage.h
    projects/ProjectsPage.cpp projects/ProjectsPage.h
    projects/ProjectsDialog.cpp projects/ProjectsDialog.h
    projects/ProjectPicker.cpp projects/ProjectPicker.h
    projects/RosterDialog.cpp projects/RosterDialog.h
    projects/RosterPage.cpp projects/RosterPage.h
)
