# source: https://github.com/sqmemory13/PDE_NeuralNet_Collection_Dev/blob/7004729c7ca9851c0544ac64d6b577ad7470616e/43.%20PINNs_for_1D_Burgers_Equation_(TF2_0)_ipynb_no_graph.ipynb (copy of pierremtb/PINNs-TF2.0)
# reported: The TF2 port of Raissi's Burgers PINN keeps the collocation columns self.x_f and self.t_f as tensors, watches both on a persistent tape, packs them with tf.stack inside the tape, derives u_x inside the tape and u_xx, u_t after it; the training log shows the loss decreasing (the run only prints the persistent-tape efficiency warning).
# observed (TF 2.21): every tape.gradient in f_model and in __grad returns a tensor; two Adam epochs run.
import numpy as np
import tensorflow as tf

np.random.seed(1234)
tf.random.set_seed(1234)


class Logger(object):
    def __init__(self, frequency=10):
        self.frequency = frequency
        self.error_fn = None

    def set_error_fn(self, error_fn):
        self.error_fn = error_fn

    def log_train_start(self, model):
        print("Training started")

    def log_train_opt(self, name):
        print(f"—— Starting {name} optimization ——")

    def log_train_epoch(self, epoch, loss, custom="", is_iter=False):
        if epoch % self.frequency == 0:
            print(f"tf_epoch = {epoch:6d}  loss = {float(loss):.4e}  error = {self.error_fn():.4e}  " + custom)

    def log_train_end(self, epoch, custom=""):
        print(f"Training finished (epoch {epoch})")


class Struct(object):
    def __getattr__(self, key):
        return 0


class PhysicsInformedNN(object):
    def __init__(self, layers, optimizer, logger, X_f, ub, lb, nu):
        # Descriptive Keras model [2, 20, …, 20, 1]
        self.u_model = tf.keras.Sequential()
        self.u_model.add(tf.keras.layers.InputLayer(shape=(layers[0],)))
        self.u_model.add(tf.keras.layers.Lambda(
            lambda X: 2.0*(X - lb)/(ub - lb) - 1.0))
        for width in layers[1:]:
            self.u_model.add(tf.keras.layers.Dense(
                width, activation=tf.nn.tanh,
                kernel_initializer='glorot_normal'))

        self.nu = nu
        self.optimizer = optimizer
        self.logger = logger

        self.dtype = tf.float32

        # Separating the collocation coordinates
        self.x_f = tf.convert_to_tensor(X_f[:, 0:1], dtype=self.dtype)
        self.t_f = tf.convert_to_tensor(X_f[:, 1:2], dtype=self.dtype)

    # Defining custom loss
    def __loss(self, u, u_pred):
        f_pred = self.f_model()
        return tf.reduce_mean(tf.square(u - u_pred)) + \
            tf.reduce_mean(tf.square(f_pred))

    def __grad(self, X, u):
        with tf.GradientTape() as tape:
            loss_value = self.__loss(u, self.u_model(X))
        return loss_value, tape.gradient(loss_value, self.__wrap_training_variables())

    def __wrap_training_variables(self):
        var = self.u_model.trainable_variables
        return var

    # The actual PINN
    def f_model(self):
        # Using the new GradientTape paradigm of TF2.0,
        # which keeps track of operations to get the gradient at runtime
        with tf.GradientTape(persistent=True) as tape:
            # Watching the two inputs we'll need later, x and t
            tape.watch(self.x_f)
            tape.watch(self.t_f)
            # Packing together the inputs
            X_f = tf.stack([self.x_f[:, 0], self.t_f[:, 0]], axis=1)

            # Getting the prediction
            u = self.u_model(X_f)
            # Deriving INSIDE the tape (since we'll need the x derivative of this later, u_xx)
            u_x = tape.gradient(u, self.x_f)

        # Getting the other derivatives
        u_xx = tape.gradient(u_x, self.x_f)
        u_t = tape.gradient(u, self.t_f)

        # Letting the tape go
        del tape

        nu = self.get_params(numpy=True)

        # Buidling the PINNs
        return u_t + u*u_x - nu*u_xx

    def get_params(self, numpy=False):
        return self.nu

    def summary(self):
        return self.u_model.summary()

    # The training function
    def fit(self, X_u, u, tf_epochs=5000, nt_config=Struct()):
        self.logger.log_train_start(self)

        # Creating the tensors
        X_u = tf.convert_to_tensor(X_u, dtype=self.dtype)
        u = tf.convert_to_tensor(u, dtype=self.dtype)

        self.logger.log_train_opt("Adam")
        for epoch in range(tf_epochs):
            # Optimization step
            loss_value, grads = self.__grad(X_u, u)
            self.optimizer.apply_gradients(zip(grads, self.__wrap_training_variables()))
            self.logger.log_train_epoch(epoch, loss_value)

        self.logger.log_train_end(tf_epochs + nt_config.maxIter)

    def predict(self, X_star):
        u_star = self.u_model(X_star)
        f_star = self.f_model()
        return u_star, f_star


# Data size on the solution u
N_u = 8
# Collocation points size, where we'll check for f = 0
N_f = 32
# DeepNN topology (2-sized input [x t], 2 hidden layer of 8-width, 1-sized output [u]
layers = [2, 8, 8, 1]
tf_epochs = 2
tf_optimizer = tf.keras.optimizers.Adam(learning_rate=0.1, beta_1=0.99, epsilon=1e-1)

# Random stand-ins for prep_data(burgers_shock.mat): x in [-1, 1], t in [0, 1]
lb = np.array([-1.0, 0.0])
ub = np.array([1.0, 1.0])
X_f = lb + (ub - lb) * np.random.rand(N_f, 2)
X_u_train = lb + (ub - lb) * np.random.rand(N_u, 2)
u_train = -np.sin(np.pi * X_u_train[:, 0:1])
X_star = lb + (ub - lb) * np.random.rand(16, 2)
u_star = -np.sin(np.pi * X_star[:, 0:1])

logger = Logger(frequency=1)
pinn = PhysicsInformedNN(layers, tf_optimizer, logger, X_f, ub, lb, nu=0.01/np.pi)


def error():
    u_pred, _ = pinn.predict(X_star)
    return np.linalg.norm(u_star - u_pred, 2) / np.linalg.norm(u_star, 2)


logger.set_error_fn(error)
pinn.fit(X_u_train, u_train, tf_epochs)
u_pred, f_pred = pinn.predict(X_star)
print(u_pred.shape, f_pred.shape)
