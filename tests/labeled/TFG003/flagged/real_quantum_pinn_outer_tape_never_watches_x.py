# source: https://coderapp.vercel.app/answer/78712449 (mirror of the Stack Overflow question "TensorFlow second derivative calculation always returns zero in Quantum PINN solver")
# reported: A QuantumPINNSolver for the time-independent Schrodinger equation nests two persistent tapes in a @tf.function loss; only the inner tape watches x, and the printed second derivative d2psi/dx2 is always None, whatever the potential or activation.
# observed (TF 2.21): tape2.gradient returns None at line 28 (x is a plain tensor the outer tape never watched); the residual's unary minus on that None raises TypeError at line 35.
import tensorflow as tf


class QuantumPINNSolver:
    def __init__(self, potential_func):
        self.potential_func = potential_func
        self.model = self.build_model()

    def build_model(self):
        return tf.keras.Sequential([
            tf.keras.Input(shape=(1,), dtype=tf.float64),
            tf.keras.layers.Dense(8, activation='relu', dtype=tf.float64),
            tf.keras.layers.Dense(8, activation='relu', dtype=tf.float64),
            tf.keras.layers.Dense(8, activation='relu', dtype=tf.float64),
            tf.keras.layers.Dense(1, activation=None, dtype=tf.float64)
        ])

    @tf.function
    def schrodinger_loss(self, x, E):
        with tf.GradientTape(persistent=True) as tape2:
            with tf.GradientTape(persistent=True) as tape1:
                tape1.watch(x)
                psi = self.model(x)
            dpsi_dx = tape1.gradient(psi, x)
        d2psi_dx2 = tape2.gradient(dpsi_dx, x)  # expect: TFG003

        print("psi:", psi)
        print("dpsi_dx:", dpsi_dx)
        print("d2psi_dx2:", d2psi_dx2)

        V_x = self.potential_func(x)
        schrodinger_eq = -d2psi_dx2 + (V_x - E) * psi  # expect: TFG004
        return tf.reduce_mean(tf.square(schrodinger_eq))


# Usage
def harmonic_oscillator_potential(x):
    return 0.5 * tf.square(x)


solver = QuantumPINNSolver(potential_func=harmonic_oscillator_potential)
x = tf.random.uniform((16, 1), minval=-5, maxval=5, dtype=tf.float64)
E = tf.constant(0.5, dtype=tf.float64)
loss = solver.schrodinger_loss(x, E)
print(loss)
