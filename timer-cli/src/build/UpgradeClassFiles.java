import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the class files under one package of a jar from a pre-Java-6 format to Java 8's, with
 * stack map frames. The JVM's class-data archives skip classes older than Java 6 (picocli ships
 * Java 5 class files), so every command would otherwise parse and verify them again; see
 * docs/decisions/cli-startup.md. Run by the build: {@code java UpgradeClassFiles.java JAR PREFIX}.
 */
public class UpgradeClassFiles {

  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]);
    int upgraded = 0;
    try (FileSystem zip = FileSystems.newFileSystem(jar)) {
      List<Path> classes;
      try (Stream<Path> files = Files.walk(zip.getPath("/" + args[1]))) {
        classes = files.filter(file -> file.toString().endsWith(".class")).toList();
      }
      for (Path file : classes) {
        ClassReader reader = new ClassReader(Files.readAllBytes(file));
        if (reader.readUnsignedShort(6) >= Opcodes.V1_8) {
          continue;
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        reader.accept(
            new ClassVisitor(Opcodes.ASM9, writer) {
              @Override
              public void visit(
                  int version,
                  int access,
                  String name,
                  String signature,
                  String superName,
                  String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
              }
            },
            ClassReader.SKIP_FRAMES);
        Files.write(file, writer.toByteArray());
        upgraded++;
      }
    }
    System.out.println("Upgraded " + upgraded + " class files under " + args[1] + " in " + jar);
  }
}
