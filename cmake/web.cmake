# The browser build (scripts/build_web.sh runs it with emcmake): the same core, io, meshgen,
# renderer, interface and session as the desktop, compiled to WebAssembly and WebGL 2, with a
# main loop of its own (src/web/web_main.cpp). Assimp's formats and PDF handouts are the
# desktop's; glTF, scenarios, MRI reports and PNG handouts work here.
#
# RADICULA_WEB_DEPS is the folder build_web.sh prepares: include/ (links to Debian's
# header-only glm, nlohmann-json, tinygltf and stb, never /usr/include itself), imgui/ and
# meshoptimizer/ (the sources of Debian's source packages).
set(WEB_DEPS ${RADICULA_WEB_DEPS})
if(NOT WEB_DEPS OR NOT EXISTS ${WEB_DEPS}/imgui/imgui.cpp)
  message(FATAL_ERROR "RADICULA_WEB_DEPS must name the folder scripts/build_web.sh prepares")
endif()

file(GLOB_RECURSE WEB_SOURCES CONFIGURE_DEPENDS src/core/*.cpp src/io/*.cpp src/meshgen/*.cpp
     src/render/*.cpp src/ui/*.cpp src/app/*.cpp)
list(REMOVE_ITEM WEB_SOURCES ${CMAKE_SOURCE_DIR}/src/io/assimp_importer.cpp
     ${CMAKE_SOURCE_DIR}/src/io/pdf_writer.cpp ${CMAKE_SOURCE_DIR}/src/app/main.cpp
     ${CMAKE_SOURCE_DIR}/src/app/viewer_app.cpp ${CMAKE_SOURCE_DIR}/src/app/headless_commands.cpp)
file(GLOB IMGUI_SOURCES ${WEB_DEPS}/imgui/imgui*.cpp)
list(FILTER IMGUI_SOURCES EXCLUDE REGEX "imgui_demo")
file(GLOB MESHOPT_SOURCES ${WEB_DEPS}/meshoptimizer/src/*.cpp)

add_executable(radicula_web src/web/web_main.cpp src/web/header_libraries.cpp ${WEB_SOURCES} ${IMGUI_SOURCES}
                            ${WEB_DEPS}/imgui/backends/imgui_impl_glfw.cpp
                            ${WEB_DEPS}/imgui/backends/imgui_impl_opengl3.cpp ${MESHOPT_SOURCES})
set_target_properties(radicula_web PROPERTIES OUTPUT_NAME radicula SUFFIX ".js")
target_include_directories(radicula_web PRIVATE src ${WEB_DEPS}/include ${WEB_DEPS}/include/stb
                                               ${WEB_DEPS}/imgui ${WEB_DEPS}/imgui/backends
                                               ${WEB_DEPS}/meshoptimizer/src)
target_compile_definitions(
  radicula_web PRIVATE RADICULA_SOURCE_DIR="/" RADICULA_SHADER_DIR="/shaders"
                       RADICULA_VERSION="${PROJECT_VERSION}" RADICULA_NO_ASSIMP RADICULA_NO_PDF
                       IMGUI_IMPL_OPENGL_ES3)
target_compile_options(radicula_web PRIVATE -fexceptions -O2)
# The data the page preloads: content tables, shaders, the anatomy and the interface's fonts
# (at the paths the desktop reads them from).
set(FONTS /usr/share/fonts/truetype/dejavu)
target_link_options(
  radicula_web PRIVATE -fexceptions -O2 -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2
  -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=134217728
  -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString,FS -sEXPORTED_FUNCTIONS=_main
  -sENVIRONMENT=web -sMINIFY_HTML=0
  "SHELL:--preload-file ${CMAKE_SOURCE_DIR}/content@/content"
  "SHELL:--preload-file ${CMAKE_SOURCE_DIR}/shaders@/shaders"
  "SHELL:--preload-file ${CMAKE_SOURCE_DIR}/assets/anatomy.glb@/assets/anatomy.glb"
  "SHELL:--preload-file ${FONTS}/DejaVuSans.ttf@${FONTS}/DejaVuSans.ttf"
  "SHELL:--preload-file ${FONTS}/DejaVuSans-Bold.ttf@${FONTS}/DejaVuSans-Bold.ttf")
